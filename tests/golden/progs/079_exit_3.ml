(* exit 3 ends the program with status 3, flushing output. *)
let () =
  print_string "about to exit";
  print_newline ();
  print_string "no newline at end";
  exit 3
