(* Type annotations on bindings, parameters, results and expressions. *)
let add (x : int) (y : int) : int = x + y
let id (x : 'a) : 'a = x
let first (l : 'a list) (d : 'a) : 'a = match l with [] -> d | x :: _ -> x
let apply (f : int -> string) (n : int) : string = f n
let () =
  let n : int = add 2 3 in
  print_int n; print_newline ();
  let s : string = id "ident" in
  print_endline s;
  print_int (first [9; 8] 0); print_newline ();
  print_endline (first [] "default");
  print_endline (apply string_of_int 77);
  let l : int list = [] in
  print_int (List.length l); print_newline ();
  let f : int -> int -> int = fun a b -> a * b in
  print_int ((f : int -> int -> int) 6 7); print_newline ();
  let o = (None : string option) in
  print_endline (match o with None -> "none" | Some s -> s);
  let arr : float array = Array.make 2 1.5 in
  print_float (arr.(0) +. arr.(1)); print_newline ();
  let (a : int), (b : bool) = (1, true) in
  Printf.printf "%d %b\n" a b
