open Printf
let ( +! ) a b = a * 10 + b
let () = printf "%d\n" (List.fold_left ( +! ) 0 [1;2;3])
let () = printf "%d\n" (List.fold_left ( + ) 0 [1;2;3])
let () = List.iter print_endline (List.map string_of_int [4;5])
type p = { name : string; age : int }
let show { name; age } = sprintf "%s:%d" name age
let () = print_endline (show { name = "bob"; age = 3 })
let kind c = match c with 'a'..'z' -> "lower" | 'A'..'Z' -> "upper" | '0'..'9' -> "digit" | _ -> "other"
let () = String.iter (fun c -> printf "%s " (kind c)) "aZ5!"; print_newline ()
let () = assert (1 + 1 = 2); print_endline "assert ok"
let rec pow x = function 0 -> 1 | n -> x * pow x (n - 1)
let () = printf "%d %d\n" (pow 2 10) (pow 3 3)
let l = [3;1;2]
let sorted = List.sort (fun a b -> compare b a) l
let () = printf "%s\n" (String.concat ";" (List.map string_of_int sorted))
let apply_twice f x = f (f x)
let () = printf "%d\n" (apply_twice (( * ) 3) 2)
let () = printf "%s\n" (apply_twice (fun s -> s ^ "!") "hi")
type 'a stack = { mutable items : 'a list }
let push s x = s.items <- x :: s.items
let pop s = match s.items with [] -> None | x :: r -> s.items <- r; Some x
let () = let s = { items = [] } in push s 1; push s 2; (match pop s with Some x -> printf "%d\n" x | None -> ()); printf "%d\n" (List.length s.items)
let () = let a = Array.make_matrix 2 3 0 in a.(1).(2) <- 5; printf "%d %d\n" a.(1).(2) (Array.length a.(0))
let () = printf "%b %b %b\n" (1.0 < 2.0) (nan = nan) ("abc" < "abd")
let () = printf "%d %d %d\n" (-7 / 2) (-7 mod 2) (7 lsr 1)
let x = 5 let () = printf "%d\n" (let x = x + 1 in x * 2)
let () = match [1;2;3] with [a; b; c] -> printf "%d\n" (a+b+c) | _ -> ()
let () = printf "%s\n" (string_of_bool (List.exists (fun x -> x > 2) [1;2;3]))
