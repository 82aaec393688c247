type 'a tree = Leaf | Node of 'a tree * 'a * 'a tree
let rec insert x t = match t with
  | Leaf -> Node (Leaf, x, Leaf)
  | Node (l, v, r) as n -> if x < v then Node (insert x l, v, r) else if x > v then Node (l, v, insert x r) else n
let rec to_list t = match t with Leaf -> [] | Node (l, v, r) -> to_list l @ [v] @ to_list r
let () = List.iter (fun x -> Printf.printf "%d " x) (to_list (List.fold_left (fun t x -> insert x t) Leaf [5;3;8;1;4;9;2])); print_newline ()
type expr = Num of int | Add of expr * expr | Mul of expr * expr | Neg of expr | Var of string
let rec eval env = function
  | Num n -> n
  | Add (a, b) -> eval env a + eval env b
  | Mul (a, b) -> eval env a * eval env b
  | Neg e -> - (eval env e)
  | Var s -> (try List.assoc s env with Not_found -> 0)
let () = Printf.printf "%d\n" (eval ["x", 5] (Add (Mul (Num 3, Var "x"), Neg (Var "y"))))
let classify = function
  | 0 -> "zero" | 1 | 2 | 3 -> "small" | n when n < 0 -> "neg" | _ -> "big"
let () = List.iter (fun n -> print_string (classify n ^ " ")) [0; 2; -5; 100]; print_newline ()
let f = function
  | (Some x, _) :: _ when x > 10 -> "bigsome"
  | (Some _, Some _) :: _ -> "both"
  | (None, _) :: (_, None) :: _ -> "none-none"
  | [] -> "empty"
  | _ -> "other"
let () = List.iter (fun l -> print_endline (f l)) [[Some 11, None]; [Some 1, Some 2]; [None, Some 1; Some 2, None]; []; [Some 1, None]]
let s = "Hello, World"
let () = Printf.printf "%s %s %d %b %s\n" (String.uppercase_ascii s) (String.lowercase_ascii s) (String.length s) (String.contains s 'W') (String.concat "|" ["a";"b";"c"])
let () = match String.index_opt s ',' with Some i -> Printf.printf "comma at %d\n" i | None -> ()
let () = Printf.printf "%s\n" (String.sub s 7 5)
let () = String.iter (fun c -> print_char (Char.uppercase_ascii c)) "abc"; print_newline ()
let () = Printf.printf "%d %c\n" (Char.code 'A') (Char.chr 66)
let a = Array.init 5 (fun i -> i * i)
let () = Array.iter (Printf.printf "%d ") a; print_newline ()
let () = Printf.printf "%d\n" (Array.fold_left (+) 0 a)
let b = Array.map (fun x -> x + 1) a
let () = Array.blit b 0 a 1 3; Array.iteri (fun i x -> Printf.printf "%d:%d " i x) a; print_newline ()
let () = let c = Array.copy a in Array.fill c 0 2 9; print_endline (String.concat "," (List.map string_of_int (Array.to_list c)))
let () = print_endline (String.concat "," (List.map string_of_int (List.sort compare [5;2;8;1;9;3])))
let () = let (e, o) = List.partition (fun x -> x mod 2 = 0) [1;2;3;4;5;6] in Printf.printf "%d %d\n" (List.length e) (List.length o)
let () = let (a, b) = List.split [(1,'a');(2,'b')] in Printf.printf "%d %c\n" (List.hd a) (List.nth b 1)
let () = print_endline (String.concat " " (List.filter_map (fun x -> if x > 2 then Some (string_of_int x) else None) [1;2;3;4]))
let () = Printf.printf "%d\n" (Option.value (Some 3) ~default:0 + Option.value None ~default:4)
let () = Printf.printf "%b %b\n" (Option.is_some (Some 1)) (Option.is_none (Option.map succ None))
let () = print_endline (string_of_int (List.length (List.init 20000 (fun i -> i))))
let rec fib n = if n < 2 then n else fib (n-1) + fib (n-2)
let () = Printf.printf "fib %d\n" (fib 25)
let () = raise (Failure "uncaught!")
