(* GC stress: binary trees (binary-trees benchmark shape), small depths. *)
type tree = Leaf | Node of tree * tree
let rec make d = if d = 0 then Node (Leaf, Leaf) else Node (make (d - 1), make (d - 1))
let rec check t = match t with Leaf -> 0 | Node (l, r) -> 1 + check l + check r
let () =
  let max_depth = 8 in
  let long_lived = make max_depth in
  let d = ref 4 in
  while !d <= max_depth do
    let iters = 1 lsl (max_depth - !d + 4) in
    let c = ref 0 in
    for _ = 1 to iters do c := !c + check (make !d) done;
    Printf.printf "%d trees of depth %d check %d\n" iters !d !c;
    d := !d + 2
  done;
  Printf.printf "long lived tree of depth %d check %d\n" max_depth (check long_lived)
