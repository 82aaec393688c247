(* Widths and precisions from arguments: %*d, %-*s, %.*f, %*.*f (tests/golden/known/BUGS.md B4): a table
   printer that computes its column widths. *)
let rows = [ ("alpha", 1, 0.5); ("be", 22, 12.25); ("gamma-ray", 333, 3.14159) ]

let () =
  Printf.printf "[%-*s] [%*d]\n" 6 "ab" 4 42;
  let w = List.fold_left (fun m (n, _, _) -> max m (String.length n)) 0 rows in
  List.iter (fun (n, v, f) -> Printf.printf "%-*s|%*d|%*.*f\n" w n 5 v 8 2 f) rows;
  List.iter (Printf.printf "<%*d>" 4) [ 1; 23; 456 ];
  print_newline ();
  print_endline (Printf.sprintf "%0*d %*x %.*s" 6 42 4 255 3 "abcdef");
  let prec = 3 in
  Printf.printf "%.*f %.*e\n" prec 2.0 1 12345.678
