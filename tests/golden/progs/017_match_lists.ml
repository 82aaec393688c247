(* Matching on lists: empty, cons, fixed-length, nested. *)
let describe l = match l with
  | [] -> "empty"
  | [x] -> "one: " ^ string_of_int x
  | [x; y] -> Printf.sprintf "two: %d %d" x y
  | x :: y :: z :: [] -> Printf.sprintf "three: %d %d %d" x y z
  | x :: _ :: _ :: _ :: rest -> Printf.sprintf "many, first %d, %d after the 4th" x (List.length rest)
let rec pairs l = match l with
  | a :: b :: rest -> (a, b) :: pairs rest
  | [_] | [] -> []
let rec sum_nested l = match l with
  | [] -> 0
  | [] :: rest -> sum_nested rest
  | (x :: xs) :: rest -> x + sum_nested (xs :: rest)
let rec dedup l = match l with
  | a :: (b :: _ as t) -> if a = b then dedup t else a :: dedup t
  | t -> t
let () =
  List.iter (fun l -> print_endline (describe l))
    [[]; [1]; [1; 2]; [1; 2; 3]; [1; 2; 3; 4]; [9; 8; 7; 6; 5; 4]];
  List.iter (fun (a, b) -> Printf.printf "(%d,%d) " a b) (pairs [1; 2; 3; 4; 5; 6; 7]);
  print_newline ();
  print_int (sum_nested [[1; 2]; []; [3]; [4; 5; 6]]); print_newline ();
  List.iter (fun x -> Printf.printf "%d " x) (dedup [1; 1; 2; 3; 3; 3; 4; 1; 1]);
  print_newline ();
  match [[1]; [2; 3]] with
  | [[a]; [b; c]] -> Printf.printf "%d %d %d\n" a b c
  | _ -> print_endline "no"
