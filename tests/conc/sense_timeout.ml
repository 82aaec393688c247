(* Sense-only (not run by real OCaml): Sense.after as a timeout inside select, and
   poll/select mixing device-free events. Virtual time makes the output deterministic;
   the expected file was checked by hand. *)
let c = Event.new_channel ()

let recv_timeout ms =
  Event.select [ Event.wrap (Event.receive c) (fun v -> Some v);
                 Event.wrap (Sense.after (ms * 1_000_000)) (fun () -> None) ]

let () =
  let t0 = Sense.time_ms () in
  let _ = Thread.create (fun () ->
    Sense.sleep_ms 50; Event.sync (Event.send c 1);
    Sense.sleep_ms 300; Event.sync (Event.send c 2)) () in
  let show r = match r with
    | Some v -> Printf.printf "got %d at %d ms\n" v (Sense.time_ms () - t0)
    | None -> Printf.printf "timeout at %d ms\n" (Sense.time_ms () - t0) in
  show (recv_timeout 100);   (* message at 50 ms *)
  show (recv_timeout 100);   (* nothing until 150 ms *)
  show (recv_timeout 100);   (* nothing until 250 ms *)
  show (recv_timeout 200);   (* message at 350 ms *)
  show (recv_timeout 10)     (* the sender has ended: timeout at 360 ms *)
