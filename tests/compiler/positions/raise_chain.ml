(* Backtrace positions: a raise three calls deep (positions.py compares them with OCaml's). *)
let check limit x =
  if x > limit then raise (Invalid_argument "too big") else x * 2

let scale factor x = factor * check 10 x

let total xs = List.fold_left (fun acc x -> acc + scale 3 x) 0 xs

let () =
  print_int (total [ 1; 2; 3 ]);
  print_newline ();
  print_int (total [ 4; 40 ]);
  print_newline ()
