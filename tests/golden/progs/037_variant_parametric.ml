(* Parametric user variants. *)
type 'a box = Empty | Full of 'a
type ('a, 'b) either = Left of 'a | Right of 'b
let map_box f b = match b with Empty -> Empty | Full x -> Full (f x)
let show_box show b = match b with Empty -> "Empty" | Full x -> "Full(" ^ show x ^ ")"
let partition l =
  List.fold_right (fun e (ls, rs) -> match e with Left a -> (a :: ls, rs) | Right b -> (ls, b :: rs)) l ([], [])
let () =
  print_endline (show_box string_of_int (Full 3));
  print_endline (show_box string_of_int Empty);
  print_endline (show_box (fun s -> s) (map_box (fun n -> String.make n '*') (Full 4)));
  print_endline (show_box string_of_bool (map_box (fun n -> n > 2) (Full 1)));
  let (ls, rs) = partition [Left 1; Right "a"; Left 2; Right "b"; Right "c"] in
  List.iter (fun n -> print_int n) ls; print_newline ();
  List.iter print_string rs; print_newline ();
  let nested = Full (Full (Left 'q')) in
  (match nested with Full (Full (Left c)) -> print_char c | _ -> ());
  print_newline ()
