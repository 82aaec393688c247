(* List.sort and stable_sort with various comparison functions. *)
(* golden: heap 256K *)
let show l = print_endline (String.concat " " (List.map string_of_int l))
let () =
  let l = [5; 3; 9; 1; 5; 7; 2; 8; 0; -4; 6] in
  show (List.sort compare l);
  show (List.sort (fun a b -> compare b a) l);
  show (List.stable_sort compare l);
  show (List.sort compare []);
  show (List.sort compare [1]);
  print_endline (String.concat " " (List.sort compare ["pear"; "apple"; "fig"; "banana"; "Apple"]));
  let pairs = [(3, "c"); (1, "a1"); (2, "b"); (1, "a2"); (3, "c2"); (1, "a3")] in
  let by_key = List.stable_sort (fun (a, _) (b, _) -> compare a b) pairs in
  List.iter (fun (k, v) -> Printf.printf "%d%s " k v) by_key;
  print_newline ();
  let by_len = List.stable_sort (fun a b -> compare (String.length a) (String.length b)) ["ccc"; "a"; "bb"; "d"; "ee"; "fff"] in
  print_endline (String.concat " " by_len);
  let big = List.init 2000 (fun i -> (i * 7919) mod 2003) in
  let sorted = List.sort compare big in
  let rec is_sorted l = match l with a :: (b :: _ as t) -> a <= b && is_sorted t | _ -> true in
  Printf.printf "%b %d %d %d\n" (is_sorted sorted) (List.length sorted) (List.hd sorted) (List.nth sorted 1999);
  show (List.sort compare [[2]; [1; 2]; [1]; []] |> List.map List.length)
