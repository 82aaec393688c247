(* Array.iter iteri map fold_left blit copy fill. *)
let show a = print_endline ("[|" ^ String.concat "; " (List.map string_of_int (Array.to_list a)) ^ "|]")
let () =
  let a = Array.init 6 (fun i -> i + 1) in
  Array.iter (fun x -> Printf.printf "%d " x) a; print_newline ();
  Array.iteri (fun i x -> Printf.printf "%d:%d " i x) a; print_newline ();
  show (Array.map (fun x -> x * x) a);
  let s = Array.map string_of_int a in
  print_endline (String.concat "" (Array.to_list s));
  Printf.printf "%d\n" (Array.fold_left ( + ) 0 a);
  Printf.printf "%d\n" (Array.fold_left (fun acc x -> acc * 10 + x) 0 a);
  let b = Array.copy a in
  b.(0) <- 100;
  show a; show b;
  let c = Array.make 10 0 in
  Array.blit a 1 c 3 4;
  show c;
  Array.blit c 3 c 4 5;
  show c;
  Array.fill c 0 3 (-1);
  show c;
  Array.fill c 8 2 7;
  show c;
  (try Array.blit a 4 c 0 5 with Invalid_argument m -> print_endline m);
  (try Array.fill c 9 2 0 with Invalid_argument m -> print_endline m);
  let e = Array.copy [||] in
  Printf.printf "%d\n" (Array.length e)
