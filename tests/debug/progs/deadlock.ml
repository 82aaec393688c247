(* Two contexts that wait for each other forever: each receives on a channel that only the
   other would send on, after its own receive. The runner reports the deadlock and where
   each blocked context waits. *)
let a = Event.new_channel ()
let b = Event.new_channel ()

let wait_for ch = Event.sync (Event.receive ch)

let worker () =
  let v = wait_for a in
  Event.sync (Event.send b (v + 1))

let () =
  let _ = Thread.create worker () in
  let w = wait_for b in
  Event.sync (Event.send a w);
  print_int w
