(* List.map mapi iter iteri rev_map. *)
let () =
  let l = [10; 20; 30] in
  List.iter (fun x -> Printf.printf "%d " x) (List.map (fun x -> x / 10) l);
  print_newline ();
  List.iter (fun s -> print_string s) (List.mapi (fun i x -> Printf.sprintf "(%d:%d)" i x) l);
  print_newline ();
  List.iteri (fun i s -> Printf.printf "%d=%s\n" i s) ["zero"; "one"; "two"];
  List.iter (fun x -> Printf.printf "%d " x) (List.rev_map (fun x -> x + 1) l);
  print_newline ();
  let order = ref [] in
  List.iter (fun x -> order := x :: !order) [1; 2; 3; 4];
  List.iter (fun x -> Printf.printf "%d " x) !order;
  print_newline ();
  let strs = List.map string_of_bool [true; false] in
  print_endline (String.concat "," strs);
  let nested = List.map (fun x -> List.map (fun y -> x * y) [1; 2; 3]) [1; 2] in
  List.iter (fun row -> List.iter (fun v -> Printf.printf "%d " v) row; print_newline ()) nested;
  print_int (List.length (List.map (fun x -> x) [])); print_newline ()
