(* Division_by_zero from / and mod. *)
let safe_div a b = try a / b with Division_by_zero -> -1
let safe_mod a b = try a mod b with Division_by_zero -> -2
let () =
  List.iter (fun (a, b) -> Printf.printf "%d %d -> %d %d\n" a b (safe_div a b) (safe_mod a b))
    [(10, 2); (10, 0); (0, 0); (-7, 0); (7, 3)];
  let zero = List.length [] in
  (try print_int (100 / zero) with Division_by_zero -> print_string "div by zero");
  print_newline ();
  (try print_int (100 mod zero) with Division_by_zero -> print_string "mod by zero");
  print_newline ();
  let r = try Some (List.fold_left (fun acc x -> acc / x) 1000 [10; 5; 0; 2]) with Division_by_zero -> None in
  (match r with None -> print_endline "fold hit zero" | Some v -> print_int v);
  print_float (1.0 /. 2.0); print_newline ()
