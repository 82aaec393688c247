(* Polymorphic recursive data types containing lists, options and functions. *)
type 'a rose = Rose of 'a * 'a rose list
type ('a, 'b) either = L of 'a | R of 'b
type 'a lazy_list = Nil | Cons of 'a * (unit -> 'a lazy_list)
let rec rose_map f (Rose (x, kids)) = Rose (f x, List.map (rose_map f) kids)
let rec rose_fold f acc (Rose (x, kids)) = List.fold_left (rose_fold f) (f acc x) kids
let rec rose_depth (Rose (_, kids)) = 1 + List.fold_left (fun m k -> max m (rose_depth k)) 0 kids
let rec from n = Cons (n, fun () -> from (n + 1))
let rec take n l = if n = 0 then [] else match l with Nil -> [] | Cons (x, rest) -> x :: take (n - 1) (rest ())
let rec lmap f l = match l with Nil -> Nil | Cons (x, rest) -> Cons (f x, fun () -> lmap f (rest ()))
let rec lfilter p l = match l with
  | Nil -> Nil
  | Cons (x, rest) -> if p x then Cons (x, fun () -> lfilter p (rest ())) else lfilter p (rest ())
let () =
  let t = Rose (1, [Rose (2, [Rose (4, [])]); Rose (3, [Rose (5, []); Rose (6, [Rose (7, [])])])]) in
  Printf.printf "%d %d\n" (rose_fold ( + ) 0 t) (rose_depth t);
  let ts = rose_map (fun x -> String.make x '*') t in
  print_endline (rose_fold (fun acc s -> acc ^ s ^ "|") "" ts);
  let es = [L 1; R "a"; L 2; R "bc"] in
  List.iter (fun e -> match e with L n -> Printf.printf "L%d " n | R s -> Printf.printf "R%s " s) es;
  print_newline ();
  let evens = lfilter (fun x -> x mod 2 = 0) (from 1) in
  print_endline (String.concat "," (List.map string_of_int (take 10 (lmap (fun x -> x * x) evens))))
