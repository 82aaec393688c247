(* List.partition, filter_map, rev_map. *)
let show l = print_endline ("[" ^ String.concat "; " (List.map string_of_int l) ^ "]")
let () =
  let (evens, odds) = List.partition (fun x -> x mod 2 = 0) [1; 2; 3; 4; 5; 6; 7] in
  show evens; show odds;
  let (a, b) = List.partition (fun _ -> true) [1; 2] in
  show a; show b;
  show (List.filter_map (fun x -> if x > 2 then Some (x * 10) else None) [1; 2; 3; 4]);
  print_endline (String.concat "," (List.filter_map (fun s -> if String.length s > 1 then Some (String.uppercase_ascii s) else None) ["a"; "bc"; "d"; "ef"]));
  show (List.rev_map (fun x -> x * x) [1; 2; 3; 4]);
  let parse s = try Some (int_of_string s) with Failure _ -> None in
  show (List.filter_map parse ["1"; "x"; "22"; ""; "333"])
