(* Stdlib printing functions. *)
let () =
  print_int 123;
  print_char ' ';
  print_int (-123);
  print_newline ();
  print_string "print_string";
  print_char '\n';
  print_endline "print_endline";
  print_float 2.5;
  print_newline ();
  print_endline "";
  print_string "a"; print_string ""; print_string "b"; print_newline ();
  print_char 'x'; print_char 'y'; print_char '\t'; print_char 'z'; print_newline ();
  for i = 1 to 3 do print_int i done;
  print_newline ()
