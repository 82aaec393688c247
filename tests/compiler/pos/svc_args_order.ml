(* asm-not: swap *)
(* A global as the first argument of a two-argument service is read first, so no swap
   is needed (docs/sensec.md); the other argument is still evaluated once, with its
   effects, before the service runs. *)
let c = Event.new_channel ()
let d = Event.new_channel ()
let trace = ref []
let next v = trace := v :: !trace; v + 1
let () =
  let _ = Thread.create (fun () ->
    for _ = 1 to 2 do
      let v = Event.sync (Event.receive c) in
      Event.sync (Event.send d (next v))
    done) () in
  let r = ref 0 in
  for i = 1 to 2 do
    Event.sync (Event.send c (next (i * 10)));
    r := !r + Event.sync (Event.receive d)
  done;
  print_int !r; print_newline ();
  List.iter (fun v -> print_int v; print_char ' ') (List.rev !trace); print_newline ()
