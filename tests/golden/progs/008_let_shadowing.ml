(* Shadowing of bindings, including inside closures. *)
let x = 1
let f () = x
let x = 2
let () =
  print_int x; print_newline ();
  print_int (f ()); print_newline ();
  let x = x + 10 in
  print_int x; print_newline ();
  let x = string_of_int x in
  print_endline (x ^ "!");
  let g = let x = 100 in fun y -> x + y in
  let x = 5 in
  print_int (g x); print_newline ();
  let print_int n = print_string ("<" ^ string_of_int n ^ ">") in
  print_int 3; print_newline ()
