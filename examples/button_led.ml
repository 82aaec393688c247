(* button_led.ml - mirror button0 on led0. Interrupts arrive as events
   (Sense.dev_event), just like messages from another context: 1 pressed, 0 released.
   The program waits forever; under sensevm-run with an input script the run ends when
   the script is exhausted and nothing else can happen. *)
let rec loop presses =
  let v = Event.sync (Sense.dev_event "button0") in
  Sense.dev_write "led0" v;
  let presses = if v = 1 then presses + 1 else presses in
  if v = 1 then (print_string "press "; print_int presses; print_newline ());
  loop presses

let () = loop 0
