(* Mutually recursive type definitions. *)
type expr = Const of int | Block of stmt list * expr | Plus of expr * expr
and stmt = Print of expr | Seq of stmt * stmt | Nop
type 'a forest = Empty | Trees of 'a tree * 'a forest
and 'a tree = T of 'a * 'a forest
let rec eval e = match e with
  | Const n -> n
  | Block (ss, e) -> List.iter exec ss; eval e
  | Plus (a, b) -> eval a + eval b
and exec s = match s with
  | Print e -> print_int (eval e); print_newline ()
  | Seq (a, b) -> exec a; exec b
  | Nop -> ()
let rec tree_size (T (_, f)) = 1 + forest_size f
and forest_size f = match f with Empty -> 0 | Trees (t, rest) -> tree_size t + forest_size rest
let rec tree_sum (T (x, f)) = x + forest_sum f
and forest_sum f = match f with Empty -> 0 | Trees (t, rest) -> tree_sum t + forest_sum rest
let () =
  let prog = Block ([Print (Const 1); Seq (Print (Plus (Const 2, Const 3)), Nop);
                     Print (Block ([Print (Const 10)], Const 20))], Plus (Const 100, Const 1)) in
  Printf.printf "result %d\n" (eval prog);
  let leaf x = T (x, Empty) in
  let t = T (1, Trees (leaf 2, Trees (T (3, Trees (leaf 4, Empty)), Trees (leaf 5, Empty)))) in
  Printf.printf "size %d sum %d\n" (tree_size t) (tree_sum t)
