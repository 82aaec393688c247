(* The option type. *)
let safe_div a b = if b = 0 then None else Some (a / b)
let rec find_first p l = match l with
  | [] -> None
  | x :: t -> if p x then Some x else find_first p t
let default d o = match o with Some x -> x | None -> d
let () =
  let show o = match o with Some n -> Printf.printf "Some %d\n" n | None -> print_endline "None" in
  show (safe_div 10 2);
  show (safe_div 1 0);
  show (find_first (fun x -> x > 3) [1; 2; 5; 7]);
  show (find_first (fun x -> x > 30) [1; 2; 5; 7]);
  print_int (default 0 (Some 5) + default 0 None); print_newline ();
  let words = [Some "alpha"; None; Some "gamma"] in
  List.iter (fun w -> print_endline (default "-" w)) words;
  Printf.printf "%b %b %b\n" (Some 1 = Some 1) (None = Some 1) (Some 2 > Some 1);
  Printf.printf "%b\n" (None < Some 0);
  let o : int option option = Some None in
  print_endline (match o with Some None -> "Some None" | _ -> "other")
