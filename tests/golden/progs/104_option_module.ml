(* Option.map value get is_some is_none bind. *)
let show o = match o with Some n -> "Some " ^ string_of_int n | None -> "None"
let () =
  print_endline (show (Option.map (fun x -> x + 1) (Some 1)));
  print_endline (show (Option.map (fun x -> x + 1) None));
  Printf.printf "%d\n" (Option.get (Some 9));
  Printf.printf "%b %b\n" (Option.is_some (Some ())) (Option.is_some None);
  Printf.printf "%b %b\n" (Option.is_none (Some 1)) (Option.is_none None);
  let half x = if x mod 2 = 0 then Some (x / 2) else None in
  print_endline (show (Option.bind (Some 8) half));
  print_endline (show (Option.bind (Some 7) half));
  print_endline (show (Option.bind None half));
  print_endline (show (Option.bind (Option.bind (Some 12) half) half));
  (try ignore (Option.get None) with Invalid_argument s -> print_endline ("Invalid_argument " ^ s))
