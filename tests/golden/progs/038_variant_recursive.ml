(* Recursive variant: binary trees. *)
type 'a tree = Leaf | Node of 'a tree * 'a * 'a tree
let rec insert x t = match t with
  | Leaf -> Node (Leaf, x, Leaf)
  | Node (l, v, r) -> if x < v then Node (insert x l, v, r) else if x > v then Node (l, v, insert x r) else t
let rec inorder t = match t with Leaf -> [] | Node (l, v, r) -> inorder l @ [v] @ inorder r
let rec height t = match t with Leaf -> 0 | Node (l, _, r) -> 1 + max (height l) (height r)
let rec size t = match t with Leaf -> 0 | Node (l, _, r) -> size l + 1 + size r
let rec mirror t = match t with Leaf -> Leaf | Node (l, v, r) -> Node (mirror r, v, mirror l)
let rec show t = match t with
  | Leaf -> "."
  | Node (l, v, r) -> "(" ^ show l ^ " " ^ string_of_int v ^ " " ^ show r ^ ")"
let () =
  let t = List.fold_left (fun t x -> insert x t) Leaf [50; 30; 70; 20; 40; 60; 80; 30; 65] in
  List.iter (fun x -> print_int x; print_char ' ') (inorder t); print_newline ();
  Printf.printf "height=%d size=%d\n" (height t) (size t);
  print_endline (show t);
  print_endline (show (mirror t));
  let st = List.fold_left (fun t x -> insert x t) Leaf ["pear"; "apple"; "fig"] in
  List.iter print_endline (inorder st)
