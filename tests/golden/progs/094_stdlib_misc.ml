(* fst snd min max abs succ pred ignore compare. *)
let () =
  Printf.printf "%d %s\n" (fst (1, "x")) (snd (1, "x"));
  Printf.printf "%d %d\n" (min 3 4) (max 3 4);
  Printf.printf "%s %s\n" (min "abc" "abd") (max "abc" "abd");
  Printf.printf "%c %c\n" (min 'z' 'a') (max 'z' 'a');
  let (a, b) = max (1, 2) (1, 3) in Printf.printf "%d %d\n" a b;
  print_endline (String.concat "," (List.map string_of_int (min [1; 2; 3] [1; 2])));
  Printf.printf "%d %d %d\n" (abs (-5)) (abs 0) (abs 5);
  Printf.printf "%d %d\n" (succ 9) (pred 9);
  ignore (1 + 1);
  ignore "string";
  Printf.printf "%d %d %d\n" (compare 1 2) (compare 2 2) (compare 3 2);
  Printf.printf "%d %d\n" (compare "a" "b") (compare "b" "a");
  Printf.printf "%d %d\n" (compare [1; 2] [1; 3]) (compare [1; 2] [1]);
  Printf.printf "%d\n" (compare (Some 1) None);
  Printf.printf "%d\n" (compare (1, "b") (1, "a"));
  Printf.printf "%b\n" (max true false)
