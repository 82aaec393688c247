(* Sequences with ; and their values. *)
let counter = ref 0
let bump () = counter := !counter + 1; !counter
let () =
  print_string "a"; print_string "b"; print_string "c"; print_newline ();
  let v = (print_endline "side effect"; 42) in
  print_int v; print_newline ();
  let w = (ignore (bump ()); ignore (bump ()); bump ()) in
  print_int w; print_newline ();
  let f x = print_string "f "; x * 2 in
  let r = ignore (f 1); ignore (f 2); f 3 in
  print_int r; print_newline ();
  (print_string "x"; print_string "y"); print_newline ()
