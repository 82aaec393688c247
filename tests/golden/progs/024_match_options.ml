(* Matching on options, nested options and lists of options. *)
let show o = match o with None -> "None" | Some n -> "Some " ^ string_of_int n
let rec somes l = match l with
  | [] -> []
  | None :: t -> somes t
  | Some x :: t -> x :: somes t
let both a b = match a, b with
  | Some x, Some y -> Some (x + y)
  | _ -> None
let deep o = match o with
  | Some (Some (Some x)) -> "three " ^ string_of_int x
  | Some (Some None) -> "two"
  | Some None -> "one"
  | None -> "zero"
let () =
  print_endline (show (Some 3));
  print_endline (show None);
  List.iter (fun x -> print_int x; print_char ' ') (somes [Some 1; None; Some 2; None; None; Some 3]);
  print_newline ();
  print_endline (show (both (Some 1) (Some 2)));
  print_endline (show (both None (Some 2)));
  print_endline (deep (Some (Some (Some 7))));
  print_endline (deep (Some (Some None)));
  print_endline (deep (Some None));
  print_endline (deep None)
