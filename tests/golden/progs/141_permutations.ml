(* Permutations and combinations of lists. *)
(* golden: heap 192K *)
let rec insert_all x l = match l with
  | [] -> [[x]]
  | h :: t -> (x :: l) :: List.map (fun r -> h :: r) (insert_all x t)
let rec perms l = match l with [] -> [[]] | h :: t -> List.concat (List.map (insert_all h) (perms t))
let rec choose k l = match k, l with
  | 0, _ -> [[]]
  | _, [] -> []
  | k, h :: t -> List.map (fun r -> h :: r) (choose (k - 1) t) @ choose k t
let show l = "[" ^ String.concat "," (List.map string_of_int l) ^ "]"
let () =
  List.iter (fun p -> print_endline (show p)) (List.sort compare (perms [1; 2; 3]));
  Printf.printf "%d\n" (List.length (perms [1; 2; 3; 4; 5; 6]));
  List.iter (fun c -> print_string (show c)) (choose 2 [1; 2; 3; 4]);
  print_newline ();
  Printf.printf "%d\n" (List.length (choose 5 (List.init 12 (fun i -> i))));
  let ps = perms ['a'; 'b'; 'c'] in
  List.iter (fun p -> List.iter print_char p; print_char ' ') ps;
  print_newline ()
