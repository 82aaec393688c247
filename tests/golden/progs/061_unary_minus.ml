(* Unary minus on ints and floats, precedence with application and binary ops. *)
let neg x = -x
let () =
  print_int (-5); print_newline ();
  print_int (- 5 + 3); print_newline ();
  print_int (-(5 + 3)); print_newline ();
  print_int (2 - -3); print_newline ();
  print_int (2 * -3); print_newline ();
  print_int (neg (-7)); print_newline ();
  print_int (- neg 7); print_newline ();
  print_int (abs (-9)); print_newline ();
  print_int (-2 * -2); print_newline ();
  print_int (- (- (- 1))); print_newline ();
  print_float (-. 2.5); print_newline ();
  print_float (-2.5 *. -2.0); print_newline ();
  print_float (~-. 1.25); print_newline ();
  let x = 4 in
  print_int (-x); print_newline ();
  print_int (1 - x); print_newline ();
  print_int (-x mod 3); print_newline ();
  print_int (- x / 3); print_newline ()
