(* Polymorphic comparison on variants: constant constructors sort before non-constant ones,
   constructors of each kind in declaration order, then arguments. *)
type t = Big of int | A | Pair of int * int | B | Small of string | C
let show v = match v with
  | Big n -> "Big " ^ string_of_int n | A -> "A" | Pair (a, b) -> Printf.sprintf "Pair(%d,%d)" a b
  | B -> "B" | Small s -> "Small " ^ s | C -> "C"
let () =
  let vs = [Small "b"; C; Pair (2, 1); A; Big 10; B; Pair (1, 5); Big (-3); Small "a"; A] in
  print_endline (String.concat ", " (List.map show (List.sort compare vs)));
  Printf.printf "%b %b %b\n" (A < B) (C > B) (A < Big 0);
  Printf.printf "%b %b\n" (Big 100 < Pair (0, 0)) (Pair (1, 2) < Pair (1, 3));
  Printf.printf "%d %d %d\n" (compare A A) (compare (Small "x") (Small "y")) (compare C (Big 1));
  let opts = [Some 3; None; Some 1; None; Some 2] in
  print_endline (String.concat " " (List.map (function None -> "None" | Some n -> string_of_int n) (List.sort compare opts)));
  let lists = [[2]; []; [1; 2; 3]; [1; 2]; [1; 3]] in
  print_endline (String.concat " " (List.map (fun l -> "[" ^ String.concat ";" (List.map string_of_int l) ^ "]") (List.sort compare lists)));
  Printf.printf "%b %b\n" (max (Some 1) None = Some 1) (min [1; 2] [1] = [1])
