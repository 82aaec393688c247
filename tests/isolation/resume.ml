(* resume.ml - comparisons that run out of fuel part-way and continue in the next slice
   (run with a tiny budget): the results must be OCaml's. *)
let rec range a b = if a > b then [] else a :: range (a + 1) b

type tree = Leaf | Node of tree * int * tree

let rec tree d k = if d = 0 then Leaf else Node (tree (d - 1) (2 * k), k, tree (d - 1) (2 * k + 1))

let show name r = Printf.printf "%s: %d\n" name r

let () =
  let l1 = range 1 20_000 and l2 = range 1 20_000 in
  show "lists equal" (compare l1 l2);
  show "lists differ at the end" (compare l1 (range 1 19_999 @ [20_001]));
  let a = Array.init 30_000 (fun i -> (i, string_of_int i)) in
  let b = Array.copy a in
  b.(29_999) <- (29_999, "29998");
  show "arrays of pairs" (compare a b);
  show "arrays equal" (if a = Array.copy a then 1 else 0);
  show "trees" (compare (tree 12 1) (tree 12 1));
  let t = tree 12 1 and u = match tree 12 1 with Node (l, _, r) -> Node (l, 0, r) | Leaf -> Leaf in
  show "trees differ at the root" (compare t u);
  show "nan in a list" (if [1.0; nan] = [1.0; nan] then 1 else 0);
  show "nan compare" (compare [1.0; nan] [1.0; nan]);
  show "strings" (compare (String.make 100_000 'a') (String.make 100_000 'a' ^ "b"));
  show "less-than" (if (l1, 1) < (l2, 2) then 1 else 0);
  (try ignore (compare (l1, fun x -> x) (l2, fun x -> x)); print_endline "no exception"
   with Invalid_argument m -> print_endline m)
