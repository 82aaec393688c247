(* An uncaught Not_found: stdout so far is kept, exit status 2. *)
let () =
  print_endline "start";
  let l = [("a", 1)] in
  print_int (List.assoc "a" l); print_newline ();
  print_int (List.assoc "b" l); print_newline ();
  print_endline "unreachable"
