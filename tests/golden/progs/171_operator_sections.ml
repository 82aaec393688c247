(* Operators used as first-class functions: ( + ), ( = ), ( < ), ( ^ ), ( ~- ) ... *)
let () =
  Printf.printf "%d\n" (List.fold_left ( + ) 0 [1; 2; 3; 4]);
  Printf.printf "%d\n" (List.fold_left ( * ) 1 [1; 2; 3; 4; 5]);
  Printf.printf "%d\n" (List.fold_left ( - ) 0 [1; 2; 3]);
  Printf.printf "%d\n" (List.fold_left ( land ) 0xff [0xf3; 0x3f]);
  Printf.printf "%d\n" (List.fold_left ( lor ) 0 [1; 4; 16]);
  Printf.printf "%d\n" (List.fold_left ( mod ) 1000 [300; 70]);
  print_endline (List.fold_left ( ^ ) "" ["a"; "b"; "c"]);
  print_endline (String.concat " " (List.map string_of_int (List.filter (( < ) 3) [1; 2; 3; 4; 5])));
  print_endline (String.concat " " (List.map string_of_int (List.filter (( = ) 2) [1; 2; 3; 2])));
  print_endline (String.concat " " (List.map string_of_int (List.map ( ~- ) [1; -2; 3])));
  print_endline (String.concat " " (List.map string_of_int (List.map (( - ) 10) [1; 2; 3])));
  print_endline (String.concat " " (List.map string_of_bool (List.map (( <> ) "x") ["x"; "y"])));
  let apply op a b = op a b in
  Printf.printf "%d %d %b %s\n" (apply ( / ) 17 5) (apply max 3 9) (apply ( >= ) 2 2) (apply ( @ ) [1] [2] |> List.length |> string_of_int);
  let ops = [("+", ( + )); ("-", ( - )); ("*", ( * )); ("/", ( / )); ("mod", ( mod )); ("lsl", ( lsl )); ("asr", ( asr ))] in
  List.iter (fun (n, f) -> Printf.printf "100 %s 3 = %d\n" n (f 100 3)) ops;
  Printf.printf "%f\n" (List.fold_left ( +. ) 0.5 [1.0; 2.0]);
  Printf.printf "%b\n" (List.for_all (( == ) 1) [1; 1])
