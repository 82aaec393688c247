(* Polymorphic data structures and functions over them. *)
type 'a stack = { mutable items : 'a list; mutable size : int }
let create () = { items = []; size = 0 }
let push s x = s.items <- x :: s.items; s.size <- s.size + 1
let pop s = match s.items with
  | [] -> None
  | x :: t -> s.items <- t; s.size <- s.size - 1; Some x
type ('k, 'v) tree = E | N of ('k, 'v) tree * 'k * 'v * ('k, 'v) tree
let rec add k v t = match t with
  | E -> N (E, k, v, E)
  | N (l, k', v', r) -> if k < k' then N (add k v l, k', v', r) else if k > k' then N (l, k', v', add k v r) else N (l, k, v, r)
let rec find k t = match t with
  | E -> None
  | N (l, k', v, r) -> if k = k' then Some v else if k < k' then find k l else find k r
let rec fold f t acc = match t with E -> acc | N (l, k, v, r) -> fold f l (f k v (fold f r acc))
let () =
  let s1 = create () and s2 = create () in
  List.iter (push s1) [1; 2; 3];
  List.iter (push s2) ["x"; "y"];
  (match pop s1 with Some n -> print_int n | None -> ());
  (match pop s2 with Some n -> print_string n | None -> ());
  print_newline ();
  Printf.printf "%d %d\n" s1.size s2.size;
  let t = List.fold_left (fun t (k, v) -> add k v t) E [(5, "five"); (2, "two"); (8, "eight"); (2, "TWO")] in
  List.iter (fun k -> print_endline (match find k t with Some v -> v | None -> "-")) [2; 5; 7; 8];
  let t2 = List.fold_left (fun t (k, v) -> add k v t) E [("b", 2.0); ("a", 1.0)] in
  fold (fun k v () -> Printf.printf "%s=%f\n" k v) t2 ();
  print_endline (String.concat "," (fold (fun k v acc -> (string_of_int k ^ ":" ^ v) :: acc) t []))
