(* Wildcards in various positions. *)
type t = Leaf | Node of t * int * t
let is_node t = match t with Node _ -> true | Leaf -> false
let root t = match t with Node (_, v, _) -> v | _ -> -1
let third l = match l with _ :: _ :: x :: _ -> x | _ -> 0
let snd3 t = match t with (_, x, _) -> x
let () =
  let t = Node (Leaf, 5, Node (Leaf, 7, Leaf)) in
  Printf.printf "%b %b\n" (is_node t) (is_node Leaf);
  Printf.printf "%d %d\n" (root t) (root Leaf);
  Printf.printf "%d %d\n" (third [1; 2; 3; 4]) (third [1]);
  print_endline (snd3 (1, "middle", 'c'));
  let _ = print_endline "evaluated" in
  let (_, _) = (1, 2) in
  match t with
  | Node (_, _, Node (_, v, _)) -> print_int v; print_newline ()
  | _ -> print_endline "no"
