(* List construction and traversal. *)
let rec print_list l = match l with
  | [] -> print_endline "]"
  | [x] -> print_int x; print_endline "]"
  | x :: t -> print_int x; print_string "; "; print_list t
let pl l = print_string "["; print_list l
let () =
  pl [];
  pl [1];
  pl [1; 2; 3];
  pl (1 :: 2 :: 3 :: []);
  pl (0 :: [1; 2]);
  pl ([1; 2] @ [3; 4] @ []);
  pl (List.rev [1; 2; 3; 4; 5]);
  let l = [10; 20; 30] in
  Printf.printf "hd=%d len=%d\n" (List.hd l) (List.length l);
  pl (List.tl l);
  let ll = [[1; 2]; [3]; []; [4; 5; 6]] in
  List.iter pl ll;
  pl (List.concat ll);
  let strs = ["x"; "y"; "z"] in
  print_endline (String.concat "," strs);
  pl [1;2;3;]
