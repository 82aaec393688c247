(* A small interpreter: expressions with let, functions and closures, an environment as a
   Map.Make map, errors as exceptions caught at the top *)
module Env = Map.Make (String)

type expr =
  | Num of int
  | Var of string
  | Add of expr * expr
  | Sub of expr * expr
  | Mul of expr * expr
  | Div of expr * expr
  | Let of string * expr * expr
  | If of expr * expr * expr
  | Fun of string * expr
  | App of expr * expr
  | Lt of expr * expr

type value = Int of int | Closure of string * expr * value Env.t

exception Unbound of string
exception Type_error of string

let rec eval env = function
  | Num n -> Int n
  | Var x -> (match Env.find_opt x env with Some v -> v | None -> raise (Unbound x))
  | Add (a, b) -> arith ( + ) env a b
  | Sub (a, b) -> arith ( - ) env a b
  | Mul (a, b) -> arith ( * ) env a b
  | Div (a, b) -> arith ( / ) env a b
  | Lt (a, b) -> arith (fun x y -> if x < y then 1 else 0) env a b
  | Let (x, e, body) -> eval (Env.add x (eval env e) env) body
  | If (c, t, e) -> (match eval env c with Int 0 -> eval env e | Int _ -> eval env t | Closure _ -> raise (Type_error "if"))
  | Fun (x, body) -> Closure (x, body, env)
  | App (f, a) -> (
    match eval env f with
    | Closure (x, body, cenv) -> eval (Env.add x (eval env a) cenv) body
    | Int _ -> raise (Type_error "application of an int"))

and arith op env a b =
  match eval env a, eval env b with
  | Int x, Int y -> Int (op x y)
  | _ -> raise (Type_error "arithmetic on a function")

let rec show = function
  | Num n -> string_of_int n
  | Var x -> x
  | Add (a, b) -> "(" ^ show a ^ " + " ^ show b ^ ")"
  | Sub (a, b) -> "(" ^ show a ^ " - " ^ show b ^ ")"
  | Mul (a, b) -> show a ^ " * " ^ show b
  | Div (a, b) -> show a ^ " / " ^ show b
  | Lt (a, b) -> show a ^ " < " ^ show b
  | Let (x, e, b) -> "let " ^ x ^ " = " ^ show e ^ " in " ^ show b
  | If (c, t, e) -> "if " ^ show c ^ " then " ^ show t ^ " else " ^ show e
  | Fun (x, b) -> "fun " ^ x ^ " -> " ^ show b
  | App (f, a) -> "(" ^ show f ^ ") (" ^ show a ^ ")"

let run e =
  Printf.printf "%s => " (show e);
  match eval Env.empty e with
  | Int n -> Printf.printf "%d\n" n
  | Closure (x, _, env) -> Printf.printf "<fun %s, %d captured>\n" x (Env.cardinal env)
  | exception Unbound x -> Printf.printf "unbound %s\n" x
  | exception Type_error m -> Printf.printf "type error: %s\n" m
  | exception Division_by_zero -> print_endline "division by zero"

let () =
  run (Add (Num 1, Mul (Num 2, Num 3)));
  run (Let ("x", Num 5, Let ("y", Num 7, Sub (Mul (Var "x", Var "y"), Var "x"))));
  run (Let ("add", Fun ("a", Fun ("b", Add (Var "a", Var "b"))), App (App (Var "add", Num 20), Num 22)));
  run (Let ("k", Num 3, Fun ("z", Mul (Var "z", Var "k"))));
  run (Var "nope");
  run (App (Num 3, Num 4));
  run (Div (Num 1, Sub (Num 2, Num 2)));
  run (If (Lt (Num 3, Num 4), Num 100, Num 200));
  (* closures capture their environment, not the caller's *)
  run (Let ("x", Num 1, Let ("f", Fun ("y", Add (Var "x", Var "y")), Let ("x", Num 100, App (Var "f", Num 10)))))
