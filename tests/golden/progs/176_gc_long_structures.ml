(* GC with long chains: a long list and a degenerate (list-like) tree kept alive while
   allocating; the collector must not recurse on their length. *)
(* golden: heap 1M *)
type tree = Leaf | Node of tree * int * tree
let rec build n acc = if n = 0 then acc else build (n - 1) (n :: acc)
let degenerate n =
  let rec go i t = if i > n then t else go (i + 1) (Node (t, i, Leaf)) in
  go 1 Leaf
let rec sum_left t acc = match t with Leaf -> acc | Node (l, v, _) -> sum_left l ((acc + v) mod 1000003)
let () =
  let l = build 10000 [] in
  let t = degenerate 10000 in
  let garbage = ref 0 in
  for i = 1 to 200 do garbage := !garbage + List.length (List.init 10 (fun j -> i + j)) done;
  Printf.printf "%d %d %d\n" (List.length l) (List.fold_left (fun a x -> (a + x) mod 1000003) 0 l) !garbage;
  Printf.printf "%d\n" (sum_left t 0);
  let l2 = List.rev l in
  Printf.printf "%d %d\n" (List.hd l2) (List.nth l2 9999)
