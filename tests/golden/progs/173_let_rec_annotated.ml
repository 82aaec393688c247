(* Annotated recursive definitions and polymorphic annotations. *)
let rec sum : int list -> int = function [] -> 0 | x :: t -> x + sum t
let rec length (l : 'a list) : int = match l with [] -> 0 | _ :: t -> 1 + length t
let rec map (f : 'a -> 'b) (l : 'a list) : 'b list = match l with [] -> [] | x :: t -> let y = f x in y :: map f t
let rec even : int -> bool = fun n -> if n = 0 then true else odd (n - 1)
and odd : int -> bool = fun n -> if n = 0 then false else even (n - 1)
let compose : ('b -> 'c) -> ('a -> 'b) -> 'a -> 'c = fun f g x -> f (g x)
let () =
  Printf.printf "%d\n" (sum [1; 2; 3; 4]);
  Printf.printf "%d %d\n" (length [1; 2]) (length ["a"; "b"; "c"]);
  print_endline (String.concat "," (map string_of_int [1; 2; 3]));
  print_endline (String.concat "," (map (fun s -> s ^ s) ["x"; "y"]));
  Printf.printf "%b %b\n" (even 10) (odd 10);
  Printf.printf "%s\n" (compose string_of_int (fun x -> x * 2) 21);
  let (f : int -> int -> int) = fun a b -> a * 10 + b in
  Printf.printf "%d\n" (f 4 2);
  let pairs : (string * int) list = [("a", 1)] in
  Printf.printf "%s %d\n" (fst (List.hd pairs)) (snd (List.hd pairs))
