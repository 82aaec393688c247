(* failwith and the Failure exception. *)
let parse_digit c =
  if c >= '0' && c <= '9' then Char.code c - 48 else failwith ("not a digit: " ^ String.make 1 c)
let () =
  (try print_int (parse_digit '7'); print_newline () with Failure m -> print_endline m);
  (try print_int (parse_digit 'x'); print_newline () with Failure m -> print_endline m);
  let r = try failwith "boom" with Failure "boom" -> "exact boom" | Failure _ -> "other" in
  print_endline r;
  let r = try failwith "bang" with Failure "boom" -> "exact boom" | Failure s -> "other: " ^ s in
  print_endline r;
  (try raise (Failure "direct") with Failure s -> print_endline ("caught " ^ s));
  (try ignore (List.hd []) with Failure s -> print_endline ("List.hd: " ^ s));
  (try ignore (List.tl []) with Failure s -> print_endline ("List.tl: " ^ s));
  (try ignore (int_of_string "12x") with Failure s -> print_endline ("int_of_string: " ^ s))
