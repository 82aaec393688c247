(* raise, failwith and invalid_arg have any type: used in expressions of different types. *)
let get_or_fail o = match o with Some x -> x | None -> failwith "none"
let checked_div a b = if b = 0 then raise Division_by_zero else a / b
let first l = match l with x :: _ -> x | [] -> invalid_arg "first"
let () =
  Printf.printf "%d\n" (get_or_fail (Some 3));
  print_endline (get_or_fail (Some "str"));
  Printf.printf "%d\n" (checked_div 10 3);
  let s : string = try get_or_fail None with Failure m -> "caught " ^ m in
  print_endline s;
  let b : bool = try first [] with Invalid_argument m -> m = "first" in
  Printf.printf "%b\n" b;
  let f x = if x > 0 then x * 2 else raise Not_found in
  Printf.printf "%d\n" (try f 5 + f (-1) with Not_found -> -1);
  let l = List.map (fun x -> try checked_div 100 x with Division_by_zero -> 0) [5; 0; 3] in
  print_endline (String.concat "," (List.map string_of_int l))
