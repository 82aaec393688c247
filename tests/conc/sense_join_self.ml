(* Sense-only: a thread that joins itself blocks forever (OCaml's threads would hang); when
   no other context can run, the runner reports the deadlock (exit 2). *)
let () =
  print_endline "before";
  Thread.join (Thread.self ());
  print_endline "never printed"
