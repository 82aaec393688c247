(* Basic let bindings, top-level and local. *)
let a = 10
let b = a * 2
let c = let x = 3 in let y = 4 in x * x + y * y
let f x = x + a
let g x y = x * y + b
let () =
  print_int a; print_newline ();
  print_int b; print_newline ();
  print_int c; print_newline ();
  print_int (f 5); print_newline ();
  print_int (g 3 4); print_newline ();
  let z = f (g 1 1) in
  print_int z; print_newline ();
  let (p, q) = (7, 8) in
  print_int (p * q); print_newline ();
  let _ = 99 in
  let () = print_endline "unit let" in
  print_endline "done"
