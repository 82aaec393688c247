(* User definitions shadowing stdlib names. *)
let compare a b = if a < b then 1 else if a > b then -1 else 0
let print_int n = print_string ("#" ^ string_of_int n)
let max = 5
let fst (a, _, _) = a
let () =
  print_endline (String.concat " " (List.map string_of_int (List.sort compare [3; 1; 2])));
  print_int 42; print_newline ();
  Printf.printf "%d\n" (max + 1);
  Printf.printf "%d\n" (fst (1, 2, 3));
  let not x = x in
  Printf.printf "%b\n" (not true);
  let ( + ) a b = a * b in
  Printf.printf "%d\n" (3 + 4);
