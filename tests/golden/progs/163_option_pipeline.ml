(* Option combinators chained with |>. *)
let parse s = try Some (int_of_string s) with Failure _ -> None
let positive n = if n > 0 then Some n else None
let half n = if n mod 2 = 0 then Some (n / 2) else None
let process s =
  parse s |> fun o -> Option.bind o positive |> fun o -> Option.bind o half |> Option.map (fun n -> n * 10)
let show o = match o with Some n -> "Some " ^ string_of_int n | None -> "None"
let () =
  List.iter (fun s -> Printf.printf "%s -> %s\n" s (show (process s))) ["8"; "7"; "-4"; "abc"; "0"; "1000"];
  let firsts = List.filter_map (fun l -> match l with [] -> None | x :: _ -> Some x) [[1; 2]; []; [3]; []; [4; 5; 6]] in
  print_endline (String.concat " " (List.map string_of_int firsts));
  let found = List.find_opt (fun (k, _) -> k = "b") [("a", 1); ("b", 2)] |> Option.map snd in
  print_endline (show found);
  Printf.printf "%b %b\n" (Option.is_some (parse "12")) (Option.is_none (parse "1 2"))
