(* Binding operators let* let+ and* and+, locally abstract types, 'a. annotations. *)
let ( let* ) o f = match o with None -> None | Some x -> f x
let ( and* ) a b = match a, b with Some x, Some y -> Some (x, y) | _ -> None
let ( let+ ) o f = match o with None -> None | Some x -> Some (f x)
let ( and+ ) = ( and* )

let parse_int s = match int_of_string_opt s with Some n -> Some n | None -> None

let sum3 a b c =
  let* x = parse_int a in
  let* y = parse_int b
  and* z = parse_int c in
  Some (x + y + z)

let pair a b = let+ x = parse_int a and+ y = parse_int b and+ w = parse_int "1" in (x * y, w)

let show = function None -> "none" | Some n -> string_of_int n

let id (type a) (x : a) : a = x
let rec length : 'a. 'a list -> int = fun l -> match l with [] -> 0 | _ :: t -> 1 + length t
let count (type t) (eq : t -> t -> bool) (x : t) (l : t list) = List.length (List.filter (eq x) l)

let () =
  print_endline (show (sum3 "1" "2" "3"));
  print_endline (show (sum3 "1" "x" "3"));
  (match pair "6" "7" with Some (p, w) -> Printf.printf "%d %d\n" p w | None -> ());
  Printf.printf "%d %s %d\n" (id 3) (id "s") (count ( = ) 2 [1; 2; 2; 3])
