(* Not_found from List.find, List.assoc, and user code. *)
let table = [("one", 1); ("two", 2); ("three", 3)]
let lookup k = try string_of_int (List.assoc k table) with Not_found -> "missing " ^ k
let rec index_of x l = match l with
  | [] -> raise Not_found
  | y :: t -> if x = y then 0 else 1 + index_of x t
let () =
  print_endline (lookup "two");
  print_endline (lookup "four");
  (try print_int (List.find (fun x -> x > 10) [1; 20; 30]) with Not_found -> print_string "nf");
  print_newline ();
  (try print_int (List.find (fun x -> x > 100) [1; 20; 30]) with Not_found -> print_string "nf");
  print_newline ();
  List.iter (fun x ->
    match (try Some (index_of x ['a'; 'b'; 'c']) with Not_found -> None) with
    | Some i -> Printf.printf "%c at %d\n" x i
    | None -> Printf.printf "%c not found\n" x) ['b'; 'z'; 'c']
