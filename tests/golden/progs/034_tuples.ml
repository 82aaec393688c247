(* Tuples: construction, destructuring, nesting, as function arguments and results. *)
let divmod a b = (a / b, a mod b)
let add_pair (a, b) (c, d) = (a + c, b + d)
let rotate (a, b, c) = (b, c, a)
let () =
  let (q, r) = divmod 17 5 in
  Printf.printf "%d %d\n" q r;
  let (x, y) = add_pair (1, 2) (10, 20) in
  Printf.printf "%d %d\n" x y;
  let (a, b, c) = rotate (rotate ("a", "b", "c")) in
  print_endline (a ^ b ^ c);
  let t = (1, ("two", 3.0), [4; 5], Some 'x') in
  let (i, (s, f), l, o) = t in
  Printf.printf "%d %s %f %d %c\n" i s f (List.length l) (match o with Some ch -> ch | None -> '?');
  print_int (fst (7, 8) + snd (7, 8)); print_newline ();
  let pairs = [(1, 'a'); (2, 'b'); (3, 'c')] in
  List.iter (fun (n, ch) -> Printf.printf "%d%c " n ch) pairs;
  print_newline ();
  Printf.printf "%b %b\n" ((1, 2) = (1, 2)) ((1, 2) < (1, 3))
