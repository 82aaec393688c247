(* high.ml - the critical container of the isolation tests (priority 200): a periodic
   control loop, every 10 ms for 40 periods. Its output (and the time stamps of its led0
   writes in the device log) must be the same beside any low-priority slice-buster as
   when it runs alone (tests/isolation/run_isolation.py). *)
let period_ms = 10

let rec loop t k acc =
  if k > 0 then begin
    let s = Sense.dev_read "sensor0" in
    Sense.dev_write "led0" (k land 1);
    let acc = (acc * 31 + s + k) land 0xFFFF in
    Sense.progress ();
    Sense.sleep_until_ms (t + period_ms);
    loop (t + period_ms) (k - 1) acc
  end else acc

let () =
  let acc = loop (Sense.time_ms ()) 40 7 in
  Printf.printf "high: done (%d)\n" acc
