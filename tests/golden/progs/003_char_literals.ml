(* Character literals, including escapes. *)
let show c = print_char '['; print_char c; print_char ']'; print_newline ()
let () =
  show 'a';
  show 'Z';
  show '0';
  show ' ';
  show '\'';
  show '\\';
  show '"';
  print_int (Char.code '\n'); print_newline ();
  print_int (Char.code '\t'); print_newline ();
  print_int (Char.code '\\'); print_newline ();
  print_int (Char.code '\''); print_newline ();
  print_int (Char.code 'A'); print_newline ();
  print_int (Char.code '~'); print_newline ();
  print_int (Char.code '\065'); print_newline ();
  print_int (Char.code '\x41'); print_newline ();
  print_int (Char.code '\r'); print_newline ()
