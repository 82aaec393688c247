(* Code generation, second round (issue 3): pattern variables read in place, mutable
   record fields, or-patterns, exceptions with arguments, `as`, closures capturing
   pattern variables, for/while loops in effect position, comparisons with locals,
   mod/div by constants (also negative and zero), and known calls. *)
type r = { mutable m : int; k : int }
type t = Leaf | Node of t * int * t
exception E of int * string

let rec insert x t = match t with
  | Leaf -> Node (Leaf, x, Leaf)
  | Node (l, v, r) as n -> if x < v then Node (insert x l, v, r) else if x > v then Node (l, v, insert x r) else n
let rec to_list t acc = match t with Leaf -> acc | Node (l, v, r) -> to_list l (v :: to_list r acc)

let mutable_field () =
  let r = { m = 1; k = 2 } in
  match r with
  | { m; k } -> r.m <- 100; Printf.printf "m=%d k=%d now=%d\n" m k r.m

let or_pat l = match l with
  | [x] | [_; x] | [_; _; x] -> x
  | x :: _ :: _ :: y :: _ -> x + y
  | [] -> -1

let closures () =
  let fs = List.map (fun (a, b) -> fun () -> a * 10 + b) [(1, 2); (3, 4); (5, 6)] in
  List.iter (fun f -> print_int (f ()); print_char ' ') fs;
  print_newline ()

let exn_args () =
  try raise (E (7, "seven")) with
  | E (n, s) when n > 10 -> print_endline ("big " ^ s)
  | E (n, s) -> Printf.printf "E %d %s\n" n s

let loops () =
  let s = ref 0 in
  for i = 1 to 10 do if i mod 2 = 0 then s := !s + i done;
  for i = 10 downto 1 do if i mod 3 = 0 then s := !s * 2 done;
  for i = 5 to 4 do s := 0 - i done;
  for i = 4 downto 5 do s := 0 - i done;
  let i = ref 0 in
  while !i < 5 do incr i; if !i = 3 then s := !s + 1000 done;
  Printf.printf "loops %d\n" !s;
  let n = ref 0 in
  for a = max_int - 2 to max_int do n := !n + 1; ignore a done;
  for a = min_int + 2 downto min_int do n := !n + 1; ignore a done;
  Printf.printf "edge %d\n" !n;
  let u = (for _ = 1 to 2 do () done) in
  print_endline (if u = () then "unit" else "?")

let compares x y =
  let r = ref [] in
  if x < y then r := "lt" :: !r;
  if x <= y then r := "le" :: !r;
  if x > y then r := "gt" :: !r;
  if x >= y then r := "ge" :: !r;
  if x = y then r := "eq" :: !r;
  if x <> y then r := "ne" :: !r;
  if 3 - x < y then r := "m" :: !r;
  String.concat "," (List.rev !r)

let divmod () =
  List.iter (fun x -> Printf.printf "%d %d %d %d %d %d\n" (x mod 7) (x / 7) (x mod (-7)) (x / (-7)) (x mod 1) (x / 1))
    [0; 13; -13; 1000003; -999999];
  (try print_int (5 mod 0) with Division_by_zero -> print_string "dz");
  (try print_int (5 / 0) with Division_by_zero -> print_string " dz");
  print_newline ()

let rec sum_pairs l = match l with
  | [] -> 0
  | (a, b) :: rest -> a * b + sum_pairs rest

let nested x = match x with
  | Some (Some (a, b)) -> a + b
  | Some None -> 1
  | None -> 0

let () =
  let t = List.fold_left (fun t x -> insert x t) Leaf [5; 3; 8; 1; 4; 7; 9; 3] in
  List.iter (fun x -> print_int x; print_char ' ') (to_list t []);
  print_newline ();
  mutable_field ();
  List.iter (fun l -> print_int (or_pat l); print_char ' ') [[1]; [1; 2]; [1; 2; 3]; [1; 2; 3; 4; 5]; []];
  print_newline ();
  closures ();
  exn_args ();
  loops ();
  List.iter (fun (x, y) -> print_endline (compares x y)) [(1, 2); (2, 2); (3, 1); (-5, 7)];
  divmod ();
  print_int (sum_pairs [(1, 2); (3, 4); (5, 6)]); print_newline ();
  print_int (nested (Some (Some (20, 22))) + nested (Some None) + nested None); print_newline ();
  let (a, b) = (10, 20) in
  let (c, (d, e)) = (a + b, (a * b, b - a)) in
  Printf.printf "%d %d %d %d %d\n" a b c d e
