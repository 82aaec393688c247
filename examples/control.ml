(* control.ml - the critical container of the two-container demo (high priority).
   A periodic control loop: every 100 ms read sensor0 and drive led0. It wakes on time
   even while the low-priority logger container is busy: the scheduler pre-empts the
   logger after at most one fuel slice.
   Link: sensec control.ml -o control.svm --name control --priority 200 --device led0 --device sensor0 *)
let period_ms = 100

let rec loop t0 t k =
  if k > 0 then begin
    let s = Sense.dev_read "sensor0" in
    Sense.dev_write "led0" (k land 1);
    Printf.printf "control: tick at %d ms (sensor %d)\n" (t - t0) s;
    Sense.progress ();
    Sense.sleep_until_ms (t + period_ms);
    loop t0 (t + period_ms) (k - 1)
  end

let () =
  let t0 = Sense.time_ms () in
  loop t0 t0 10;
  print_endline "control: done"
