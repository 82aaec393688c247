(* blinky.ml - toggle led0 every 500 ms with a drift-free periodic loop: sleep until
   logical deadlines (Sense.sleep_until_ms), so the time the body takes never accumulates.
   On a board this would loop forever; here it stops after 10 toggles (5 s). *)
let period_ms = 500

let rec blink t on n =
  if n > 0 then begin
    Sense.dev_write "led0" (if on then 1 else 0);
    Sense.sleep_until_ms (t + period_ms);
    blink (t + period_ms) (not on) (n - 1)
  end

let () =
  blink (Sense.time_ms ()) true 10;
  print_endline "blinky: done"
