(* List.length hd tl nth rev append rev_append. *)
(* golden: heap 384K *)
let show l = print_endline ("[" ^ String.concat "; " (List.map string_of_int l) ^ "]")
let () =
  let l = [3; 1; 4; 1; 5; 9; 2; 6] in
  Printf.printf "length %d %d\n" (List.length l) (List.length []);
  Printf.printf "hd %d\n" (List.hd l);
  show (List.tl l);
  Printf.printf "nth %d %d %d\n" (List.nth l 0) (List.nth l 3) (List.nth l 7);
  (try ignore (List.nth l 8) with Failure s -> print_endline ("Failure " ^ s));
  show (List.rev l);
  show (List.rev []);
  show (List.append [1; 2] [3; 4]);
  show (List.append [] [5]);
  show (List.rev_append [1; 2; 3] [4; 5; 6]);
  show (List.rev_append [] [7]);
  print_endline (List.hd (List.tl ["a"; "b"]));
  let big = List.init 5000 (fun i -> i) in
  Printf.printf "%d %d\n" (List.length (List.rev big)) (List.hd (List.rev big));
  Printf.printf "%d\n" (List.length (List.append big big))
