(* Type aliases and annotations using them. *)
type name = string
type score = int
type entry = name * score
type table = entry list
type 'a pair = 'a * 'a
type ('k, 'v) assoc = ('k * 'v) list
let best (t : table) : entry =
  List.fold_left (fun (bn, bs) (n, s) -> if s > bs then (n, s) else (bn, bs)) ("nobody", -1) t
let swap_pair ((a, b) : 'a pair) : 'a pair = (b, a)
let lookup (k : 'k) (a : ('k, 'v) assoc) : 'v option = List.assoc_opt k a
let () =
  let t : table = [("ann", 12); ("ben", 30); ("cat", 25)] in
  let (n, s) = best t in
  Printf.printf "%s %d\n" n s;
  let (x, y) = swap_pair (1, 2) in
  Printf.printf "%d %d\n" x y;
  let (p, q) = swap_pair ("l", "r") in
  print_endline (p ^ q);
  let a : (string, int) assoc = [("one", 1); ("two", 2)] in
  (match lookup "two" a with Some v -> print_int v | None -> print_string "none");
  print_newline ();
  (match lookup "six" a with Some v -> print_int v | None -> print_string "none");
  print_newline ();
  let sc : score = 5 in
  print_int (sc + 1); print_newline ()
