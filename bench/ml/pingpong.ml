(* B6: two contexts ping-pong an integer 1_000_000 times over two channels (Thread +
   Event); the server adds one each round trip, so the result is 1000000 *)
let ping = Event.new_channel ()
let pong = Event.new_channel ()

let rec server () =
  let v = Event.sync (Event.receive ping) in
  Event.sync (Event.send pong (v + 1));
  server ()

let () =
  let _ = Thread.create server () in
  let x = ref 0 in
  for _ = 1 to 1_000_000 do
    Event.sync (Event.send ping !x);
    x := Event.sync (Event.receive pong)
  done;
  print_int !x; print_newline ()
