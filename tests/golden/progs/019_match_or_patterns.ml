(* Or-patterns, including nested and with bindings. *)
type t = A of int | B of int | C of string | D
let get v = match v with
  | A n | B n -> n
  | C _ | D -> -1
let weekend d = match d with
  | "sat" | "sun" -> true
  | _ -> false
let small n = match n with 1 | 2 | 3 -> "small" | 4 | 5 | 6 -> "medium" | _ -> "large"
let pair_kind p = match p with
  | (0, _) | (_, 0) -> "has zero"
  | ((1 | 2), (1 | 2)) -> "ones and twos"
  | _ -> "other"
let opt_sum p = match p with
  | (Some x, None) | (None, Some x) -> x
  | (Some x, Some y) -> x + y
  | (None, None) -> 0
let () =
  List.iter (fun v -> print_int (get v); print_char ' ') [A 1; B 2; C "c"; D; A 10];
  print_newline ();
  List.iter (fun d -> Printf.printf "%s %b\n" d (weekend d)) ["mon"; "sat"; "sun"; "fri"];
  List.iter (fun n -> print_endline (small n)) [1; 3; 5; 9];
  List.iter (fun p -> print_endline (pair_kind p)) [(0, 5); (5, 0); (1, 2); (2, 2); (3, 1)];
  List.iter (fun p -> print_int (opt_sum p); print_newline ())
    [(Some 1, None); (None, Some 2); (Some 3, Some 4); (None, None)]
