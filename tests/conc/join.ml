(* Thread.join: the joiner waits until the thread has ended; joining an ended thread
   returns at once; a thread may join another; the output never depends on scheduling. *)
let sums = Array.make 3 0

let work i =
  let s = ref 0 in
  for k = 1 to 1000 * (i + 1) do
    s := !s + k;
    if k mod 100 = 0 then Thread.yield ()
  done;
  sums.(i) <- !s

let () =
  let t0 = Thread.create work 0 in
  let t1 = Thread.create work 1 in
  let t2 = Thread.create work 2 in
  Thread.join t2; print_string "t2 "; print_int sums.(2); print_newline ();
  Thread.join t0; print_string "t0 "; print_int sums.(0); print_newline ();
  Thread.join t1; print_string "t1 "; print_int sums.(1); print_newline ();
  (* every thread has ended: joining again returns at once *)
  Thread.join t0; Thread.join t1; Thread.join t2;
  print_endline "joined again";
  (* a thread blocked on a channel: join waits until it has received and printed *)
  let c = Event.new_channel () in
  let r = Thread.create (fun () ->
    let v = Event.sync (Event.receive c) in
    print_string "received "; print_int v; print_newline ()) () in
  Event.sync (Event.send c 42);
  Thread.join r;
  print_endline "after join";
  (* a thread joining another: the chain ends in order *)
  let a = Thread.create (fun () -> Thread.yield (); print_endline "a done") () in
  let b = Thread.create (fun t -> Thread.join t; print_endline "b done") a in
  Thread.join b;
  print_endline "main done"
