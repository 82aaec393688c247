(* Power set, subset sums. *)
(* golden: heap 384K *)
let rec powerset l = match l with
  | [] -> [[]]
  | x :: t -> let ps = powerset t in ps @ List.map (fun s -> x :: s) ps
let () =
  let ps = powerset [1; 2; 3] in
  List.iter (fun s -> print_string ("{" ^ String.concat "," (List.map string_of_int s) ^ "} ")) ps;
  print_newline ();
  let nums = [3; 34; 4; 12; 5; 2] in
  let sums = List.map (List.fold_left ( + ) 0) (powerset nums) in
  List.iter (fun target -> Printf.printf "sum %d reachable: %b\n" target (List.mem target sums)) [9; 30; 100; 0; 60];
  Printf.printf "%d subsets\n" (List.length (powerset (List.init 12 (fun i -> i))))
