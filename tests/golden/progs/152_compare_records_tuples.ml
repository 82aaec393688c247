(* Comparison of records, tuples, strings, arrays (arrays: shorter first, as OCaml does). *)
type r = { a : int; b : string }
let () =
  let rs = [{ a = 2; b = "x" }; { a = 1; b = "z" }; { a = 2; b = "a" }; { a = 1; b = "b" }] in
  List.iter (fun r -> Printf.printf "(%d,%s) " r.a r.b) (List.sort compare rs);
  print_newline ();
  Printf.printf "%b %b\n" ({ a = 1; b = "b" } < { a = 1; b = "c" }) ({ a = 2; b = "a" } > { a = 1; b = "z" });
  Printf.printf "%d %d %d\n" (compare (1, 2, 3) (1, 2, 4)) (compare (2, 0, 0) (1, 9, 9)) (compare ("a", 1) ("a", 1));
  Printf.printf "%d %d\n" (compare "abc" "abd") (compare "abcd" "abc");
  Printf.printf "%d %d %d\n" (compare [| 1; 2; 3 |] [| 2 |]) (compare [| 1; 2 |] [| 1; 3 |]) (compare [||] [| 0 |]);
  Printf.printf "%b\n" ([| 5 |] < [| 1; 1 |]);
  Printf.printf "%d\n" (compare ((1, [2]), Some "x") ((1, [2]), Some "w"));
  Printf.printf "%d\n" (compare 1.5 (-2.0));
  Printf.printf "%d\n" (compare 'a' 'A');
  Printf.printf "%d\n" (compare true false);
  let pts = [(3, 1); (1, 2); (3, 0); (2, 2); (1, 1)] in
  List.iter (fun (x, y) -> Printf.printf "(%d,%d)" x y) (List.sort compare pts);
  print_newline ();
  List.iter (fun (x, y) -> Printf.printf "(%d,%d)" x y) (List.sort (fun (a, b) (c, d) -> compare (b, a) (d, c)) pts);
  print_newline ()
