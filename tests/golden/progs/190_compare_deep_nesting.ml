(* golden: heap 4M *)
(* Structural equality and compare on deeply nested data: left-deep expression trees
   (as List.fold_left builds them), left-nested pairs, single-field chains. OCaml compares
   these at any depth; this program goes up to 10000. *)
type expr = Num of int | Add of expr * expr
type lp = LE of int | LP of lp * int
type chain = End of int | Link of chain
let left_deep n = List.fold_left (fun acc i -> Add (acc, Num i)) (Num 0) (List.init n (fun i -> i + 1))
let rec nest_pairs n acc = if n = 0 then acc else nest_pairs (n - 1) (LP (acc, n))
let rec nest_links n acc = if n = 0 then acc else nest_links (n - 1) (Link acc)
let () =
  List.iter (fun n ->
    let a = left_deep n and b = left_deep n in
    let c = Add (left_deep (n - 1), Num (-1)) in
    Printf.printf "expr depth %d: %b %d %b %d\n" n (a = b) (compare a b) (a = c) (compare a c)) [100; 300; 1000; 10000];
  List.iter (fun n ->
    let p = nest_pairs n (LE 0) and q = nest_pairs n (LE 1) in
    Printf.printf "pairs depth %d: %b %b %d\n" n (p = nest_pairs n (LE 0)) (p = q) (compare p q)) [100; 1000; 10000];
  List.iter (fun n ->
    let c1 = nest_links n (End 0) and c2 = nest_links n (End 1) in
    Printf.printf "chain depth %d: %b %b %d\n" n (c1 = nest_links n (End 0)) (c1 = c2) (compare c1 c2)) [100; 1000; 10000]
