(* The ^ operator, right associative, with precedence below arithmetic. *)
let () =
  print_endline ("a" ^ "b" ^ "c");
  print_endline ("" ^ "" ^ "x" ^ "");
  print_endline (string_of_int (1 + 2) ^ "=" ^ string_of_int 3);
  let s = ref "" in
  for i = 0 to 9 do s := !s ^ string_of_int i done;
  print_endline !s;
  let long = String.make 100 'a' ^ String.make 100 'b' in
  Printf.printf "%d %c %c\n" (String.length long) long.[99] long.[100];
  let parts = ["the"; "quick"; "brown"; "fox"] in
  print_endline (List.fold_left (fun acc w -> acc ^ "[" ^ w ^ "]") "" parts);
  print_endline (List.fold_right (fun w acc -> w ^ "-" ^ acc) parts "end")
