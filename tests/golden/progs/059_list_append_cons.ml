(* :: and @ operators: right associativity and precedence. *)
let show l = print_endline ("[" ^ String.concat "; " (List.map string_of_int l) ^ "]")
let () =
  show (1 :: 2 :: [3]);
  show ([1] @ [2] @ [3]);
  show (1 :: [2] @ [3]);
  show ((1 :: [2]) @ 3 :: [4]);
  show ([] @ []);
  show ([1; 2] @ []);
  show ([] @ [1; 2]);
  let l = [1; 2; 3] in
  show (l @ l @ l);
  show (0 :: l @ [4]);
  let nested = [1] :: [2; 3] :: [] in
  Printf.printf "%d\n" (List.length nested);
  show (List.concat ([0] :: nested));
  show (1 + 1 :: 2 * 2 :: [])
