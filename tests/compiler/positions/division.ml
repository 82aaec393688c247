(* Backtrace positions: a trapping division inside a non-tail call. *)
let ratio a b = a / b

let mean xs =
  let n = List.length xs in
  ratio (List.fold_left ( + ) 0 xs) n + 0

let () =
  print_int (mean [ 2; 4 ]);
  print_newline ();
  print_int (mean [])
