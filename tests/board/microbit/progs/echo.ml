(* echo.ml - the UART round trip of the micro:bit board tests: every byte typed on the
   console arrives as a uart0 device event (RX interrupt -> event queue -> container) and
   goes back upper-cased through the uart0 device; "q" ends it with the count of lines. *)
let upper b = if b >= 97 && b <= 122 then b - 32 else b

let rec loop lines =
  let b = Event.sync (Sense.dev_event "uart0") in
  if b = 113 then Printf.printf "echo: %d lines\n" lines
  else begin
    Sense.dev_write "uart0" (upper b);
    loop (if b = 10 then lines + 1 else lines)
  end

let () =
  print_endline "echo: ready";
  loop 0
