(* List.init, concat, flatten. *)
(* golden: heap 384K *)
let show l = print_endline ("[" ^ String.concat "; " (List.map string_of_int l) ^ "]")
let () =
  show (List.init 5 (fun i -> i * i));
  show (List.init 0 (fun i -> i));
  show (List.concat [[1; 2]; []; [3]; [4; 5]]);
  show (List.flatten [[10]; [20; 30]]);
  show (List.concat []);
  print_endline (String.concat "" (List.flatten [["a"; "b"]; ["c"]]));
  let grid = List.init 3 (fun r -> List.init 4 (fun c -> r * 10 + c)) in
  show (List.concat grid);
  Printf.printf "%d\n" (List.length (List.init 10000 (fun i -> i)));
  (try ignore (List.init (-1) (fun i -> i)) with Invalid_argument s -> print_endline ("Invalid_argument " ^ s))
