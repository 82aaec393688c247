(* echo.ml - the console round trip of the board tests: every byte typed into the board's
   console UART (device uart0, interrupt-driven RX) comes back upper-cased through the
   UART's TX; a '.' ends the program. *)
let rec loop n =
  let c = Event.sync (Sense.dev_event "uart0") in
  let up = if c >= 97 && c <= 122 then c - 32 else c in
  Sense.dev_write "uart0" up;
  if c = 46 then n else loop (n + 1)

let () =
  print_endline "echo: ready";
  let n = loop 0 in
  print_newline ();
  print_string "echo: ";
  print_int n;
  print_endline " bytes before the dot"
