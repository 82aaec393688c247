(* Deeply nested patterns mixing all pattern kinds. *)
type expr =
  | Num of int
  | Add of expr * expr
  | Mul of expr * expr
  | Neg of expr
  | Var of string
let rec simplify e = match e with
  | Add (Num 0, e) | Add (e, Num 0) -> simplify e
  | Mul (Num 1, e) | Mul (e, Num 1) -> simplify e
  | Mul (Num 0, _) | Mul (_, Num 0) -> Num 0
  | Neg (Neg e) -> simplify e
  | Neg (Num n) -> Num (-n)
  | Add (Num a, Num b) -> Num (a + b)
  | Mul (Num a, Num b) -> Num (a * b)
  | Add (a, b) -> Add (simplify a, simplify b)
  | Mul (a, b) -> Mul (simplify a, simplify b)
  | Neg e -> Neg (simplify e)
  | Num _ | Var _ -> e
let rec show e = match e with
  | Num n when n < 0 -> "(" ^ string_of_int n ^ ")"
  | Num n -> string_of_int n
  | Var v -> v
  | Add (a, b) -> "(" ^ show a ^ " + " ^ show b ^ ")"
  | Mul (a, b) -> show a ^ " * " ^ show b
  | Neg e -> "-" ^ show e
let rec fix e = let e' = simplify e in if e' = e then e else fix e'
let () =
  let es = [
    Add (Num 0, Var "x");
    Mul (Add (Num 1, Num 2), Mul (Num 1, Var "y"));
    Neg (Neg (Neg (Num 4)));
    Add (Mul (Num 0, Var "z"), Add (Var "a", Num 0));
    Mul (Add (Var "a", Var "b"), Add (Num 2, Num 3));
  ] in
  List.iter (fun e -> Printf.printf "%s  =>  %s\n" (show e) (show (fix e))) es;
  match [(1, Some [Num 3]); (2, None)] with
  | [(_, Some [Num n]); (k, None)] -> Printf.printf "deep: %d %d\n" n k
  | _ -> print_endline "no"
