(* Float literals and basic float printing. *)
let () =
  print_float 1.0; print_newline ();
  print_float 3.25; print_newline ();
  print_float 0.5; print_newline ();
  print_float (-2.75); print_newline ();
  print_float 1e3; print_newline ();
  print_float 1.5e2; print_newline ();
  print_float 2.5e-1; print_newline ();
  print_float 100.; print_newline ();
  print_float 1_000.5; print_newline ();
  print_float 0.125; print_newline ();
  print_float (1.0 /. 4.0); print_newline ();
  print_string (string_of_float 6.0); print_newline ();
  print_string (string_of_float 0.1); print_newline ();
  print_string (string_of_float (-0.375)); print_newline ();
  print_string (string_of_float 12345.678); print_newline ()
