(* Evaluation order. OCaml leaves it unspecified; Sense documents OCaml's bytecode order
   (right to left for arguments, tuples, constructor and record fields), and `ocaml`
   (bytecode) is the reference. Sequencing with ; and let ... in is specified. *)
let trace = ref []
let t name v = trace := name :: !trace; v
let show label = print_endline (label ^ ": " ^ String.concat " " (List.rev !trace)); trace := []
type r = { a : int; b : int; c : int }
type v = V of int * int * int
let f x y z = x + y + z
let () =
  ignore (f (t "x" 1) (t "y" 2) (t "z" 3)); show "args";
  ignore (t "a" 1, t "b" 2, t "c" 3); show "tuple";
  ignore [t "h1" 1; t "h2" 2; t "h3" 3]; show "list";
  ignore { a = t "fa" 1; b = t "fb" 2; c = t "fc" 3 }; show "record";
  ignore (V (t "v1" 1, t "v2" 2, t "v3" 3)); show "constructor";
  ignore (t "l" 1 + t "r" 2); show "binop";
  ignore ((t "fn" f) (t "arg1" 1) (t "arg2" 2) (t "arg3" 3)); show "function position";
  let x = t "let1" 1 in let y = t "let2" 2 in ignore (x + y); show "let in";
  t "s1" (); t "s2" (); show "sequence";
  ignore (t "c" true && t "d" false); show "and";
  ignore (t "cond" true || t "never" false); show "or";
  Printf.printf "%d %d\n" (t "p1" 1) (t "p2" 2); show "printf";
  ignore (t "lhs" "a" ^ t "rhs" "b"); show "concat";
  ignore (t "hd" 1 :: t "tl" []); show "cons";
  let arr = [| 0; 0 |] in
  arr.(t "idx" 0) <- t "val" 5; show "array set"
