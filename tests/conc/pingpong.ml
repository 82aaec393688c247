(* Ping-pong between two threads over two channels. *)
let ping = Event.new_channel ()
let pong = Event.new_channel ()
let done_ = Event.new_channel ()

let player () =
  for _ = 1 to 5 do
    let n = Event.sync (Event.receive ping) in
    print_string "pong "; print_int n; print_newline ();
    Event.sync (Event.send pong (n + 1))
  done;
  Event.sync (Event.send done_ ())

let () =
  let _ = Thread.create player () in
  let n = ref 0 in
  for _ = 1 to 5 do
    print_string "ping "; print_int !n; print_newline ();
    Event.sync (Event.send ping !n);
    n := Event.sync (Event.receive pong)
  done;
  Event.sync (Event.receive done_);
  print_string "final "; print_int !n; print_newline ()
