(* Decimal and hexadecimal escapes in strings and chars. *)
let () =
  print_string "\065\066\067\n";
  print_string "\x61\x62\x63\n";
  print_int (String.length "\000\001\255"); print_newline ();
  print_int (Char.code (String.get "\255" 0)); print_newline ();
  print_int (Char.code (String.get "x\000y" 1)); print_newline ();
  print_endline "a\x2db";
  print_endline "\x48\x49"
