(* Partial application of curried functions, including known and unknown callees. *)
let add3 a b c = a + b + c
let sub a b = a - b
let fmt prefix sep x y = prefix ^ string_of_int x ^ sep ^ string_of_int y
let () =
  let add1 = add3 1 in
  let add12 = add1 2 in
  Printf.printf "%d %d %d\n" (add12 3) (add1 10 20) (add3 1 1 1);
  let minus_from_10 = sub 10 in
  Printf.printf "%d\n" (minus_from_10 3);
  let p = fmt "P:" in
  let q = p "," in
  print_endline (q 1 2);
  print_endline (p "/" 3 4);
  let fs = [add3 0 0; add3 1 1; sub 100] in
  List.iter (fun f -> Printf.printf "%d " (f 5)) fs;
  print_newline ();
  let apply_all x = List.map (fun f -> f x) in
  List.iter (fun v -> Printf.printf "%d " v) (apply_all 7 [succ; pred; abs; add3 1 1]);
  print_newline ();
  let mul = ( * ) in
  let double = mul 2 in
  Printf.printf "%d\n" (double 21);
  let cat = ( ^ ) "pre-" in
  print_endline (cat "fix");
  let pair a b = (a, b) in
  let with_one = pair 1 in
  let (x, y) = with_one "one" in
  Printf.printf "%d %s\n" x y
