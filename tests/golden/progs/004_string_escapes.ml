(* String literals with escape sequences. *)
let () =
  print_string "hello, world\n";
  print_string "tab:\there\n";
  print_string "quote:\"q\"\n";
  print_string "backslash:\\\n";
  print_string "apostrophe:\'\n";
  print_string "";
  print_endline "empty above";
  print_int (String.length "a\nb\tc"); print_newline ();
  print_int (String.length "\\\"\n"); print_newline ();
  print_string "multi\nline\nstring\n";
  print_endline "end"
