(* List.assoc, assoc_opt, split, combine. *)
let () =
  let env = [("x", 1); ("y", 2); ("x", 3)] in
  Printf.printf "%d %d\n" (List.assoc "x" env) (List.assoc "y" env);
  (match List.assoc_opt "z" env with Some v -> Printf.printf "%d\n" v | None -> print_endline "z unbound");
  (match List.assoc_opt "y" env with Some v -> Printf.printf "y=%d\n" v | None -> print_endline "y unbound");
  let (names, values) = List.split env in
  print_endline (String.concat "," names);
  print_endline (String.concat "," (List.map string_of_int values));
  let c = List.combine [1; 2; 3] ['a'; 'b'; 'c'] in
  List.iter (fun (n, ch) -> Printf.printf "%d%c " n ch) c;
  print_newline ();
  (try ignore (List.combine [1; 2] [3]) with Invalid_argument s -> print_endline ("Invalid_argument " ^ s));
  let (a, b) = List.split [] in
  Printf.printf "%d %d\n" (List.length a) (List.length (b : int list));
  let keys = [(1, "one"); (2, "two")] in
  Printf.printf "%s\n" (List.assoc 2 keys)
