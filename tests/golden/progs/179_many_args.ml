(* Functions with many arguments: exact, partial in steps, and over-application. *)
let f6 a b c d e f = a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f
let f8 a b c d e f g h = Printf.sprintf "%d%d%d%d%d%d%d%d" a b c d e f g h
let mk a b = fun c d -> fun e -> a * 10000 + b * 1000 + c * 100 + d * 10 + e
let () =
  Printf.printf "%d\n" (f6 1 2 3 4 5 6);
  let p1 = f6 1 in
  let p2 = p1 2 3 in
  let p3 = p2 4 in
  Printf.printf "%d %d\n" (p3 5 6) (p2 0 0 0);
  print_endline (f8 1 2 3 4 5 6 7 8);
  let g = f8 9 8 7 in
  print_endline (g 6 5 4 3 2);
  print_endline ((g 0) 0 0 0 0);
  Printf.printf "%d\n" (mk 1 2 3 4 5);
  Printf.printf "%d\n" ((mk 1 2) 3 4 5);
  Printf.printf "%d\n" (((mk 1) 2 3) 4 5);
  let parts = List.map (fun a -> f6 a a) [1; 2; 3] in
  List.iter (fun h -> Printf.printf "%d " (h 1 1 1 1)) parts;
  print_newline ();
  let apply5 h = h 1 2 3 4 5 in
  Printf.printf "%d %d\n" (apply5 (f6 0)) (apply5 (fun a b c d e -> a * b * c * d * e))
