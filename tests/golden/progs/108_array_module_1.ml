(* Array.make init length get set to_list of_list. *)
let show a = print_endline ("[|" ^ String.concat "; " (List.map string_of_int (Array.to_list a)) ^ "|]")
let () =
  let a = Array.make 5 7 in
  show a;
  Array.set a 0 1;
  a.(4) <- 9;
  show a;
  Printf.printf "%d %d %d\n" (Array.length a) (Array.get a 0) a.(4);
  let b = Array.init 8 (fun i -> i * 3) in
  show b;
  let c = Array.of_list [5; 4; 3] in
  show c;
  Printf.printf "%d\n" (Array.length (Array.of_list []));
  let l = Array.to_list (Array.init 4 (fun i -> string_of_int i)) in
  print_endline (String.concat "," l);
  let grid = Array.init 3 (fun i -> Array.init 3 (fun j -> i * 3 + j)) in
  Array.iter show grid;
  let shared = Array.make 2 (Array.make 2 0) in
  shared.(0).(0) <- 5;
  show shared.(1);
  (try Array.set a 5 0 with Invalid_argument m -> print_endline m);
  (try ignore (Array.get a (-1)) with Invalid_argument m -> print_endline m)
