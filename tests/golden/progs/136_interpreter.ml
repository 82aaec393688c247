(* A small expression interpreter with environments and closures. *)
type expr =
  | Int of int
  | Var of string
  | Add of expr * expr
  | Sub of expr * expr
  | Mul of expr * expr
  | If of expr * expr * expr
  | Let of string * expr * expr
  | Fun of string * expr
  | App of expr * expr
  | LetRec of string * string * expr * expr
type value = VInt of int | VClo of string * expr * env ref
and env = (string * value) list
exception Runtime_error of string
let rec eval env e = match e with
  | Int n -> VInt n
  | Var x -> (try List.assoc x env with Not_found -> raise (Runtime_error ("unbound " ^ x)))
  | Add (a, b) -> arith ( + ) env a b
  | Sub (a, b) -> arith ( - ) env a b
  | Mul (a, b) -> arith ( * ) env a b
  | If (c, t, f) -> (match eval env c with VInt 0 -> eval env f | _ -> eval env t)
  | Let (x, e1, e2) -> eval ((x, eval env e1) :: env) e2
  | Fun (x, body) -> VClo (x, body, ref env)
  | App (f, a) ->
      (match eval env f with
       | VClo (x, body, cenv) -> let v = eval env a in eval ((x, v) :: !cenv) body
       | VInt _ -> raise (Runtime_error "not a function"))
  | LetRec (f, x, body, rest) ->
      let r = ref [] in
      let clo = VClo (x, body, r) in
      r := (f, clo) :: env;
      eval ((f, clo) :: env) rest
and arith op env a b = match eval env a, eval env b with
  | VInt x, VInt y -> VInt (op x y)
  | _ -> raise (Runtime_error "type error")
let show v = match v with VInt n -> string_of_int n | VClo (x, _, _) -> "<fun " ^ x ^ ">"
let run e = try print_endline (show (eval [] e)) with Runtime_error m -> print_endline ("error: " ^ m)
let () =
  run (Add (Int 2, Mul (Int 3, Int 4)));
  run (Let ("x", Int 5, Mul (Var "x", Var "x")));
  run (Fun ("y", Var "y"));
  run (App (Fun ("y", Add (Var "y", Int 1)), Int 41));
  run (LetRec ("fact", "n", If (Var "n", Mul (Var "n", App (Var "fact", Sub (Var "n", Int 1))), Int 1),
               App (Var "fact", Int 10)));
  run (LetRec ("fib", "n", If (Sub (Var "n", Int 1), If (Var "n", Add (App (Var "fib", Sub (Var "n", Int 1)), App (Var "fib", Sub (Var "n", Int 2))), Int 0), Int 1),
               App (Var "fib", Int 15)));
  run (Var "nope");
  run (App (Int 3, Int 4));
  run (Let ("add", Fun ("a", Fun ("b", Add (Var "a", Var "b"))), App (App (Var "add", Int 20), Int 22)))
