(* Integer literals: decimal, hexadecimal, underscores, negatives. *)
let () =
  print_int 0; print_newline ();
  print_int 42; print_newline ();
  print_int (-17); print_newline ();
  print_int 1_000_000; print_newline ();
  print_int 0x10; print_newline ();
  print_int 0xff; print_newline ();
  print_int 0xFF; print_newline ();
  print_int (0x1ead_beef land 0xffff); print_newline ();
  print_int 0x3fff_ffff; print_newline ();
  print_int (-0x40000000); print_newline ();
  print_int 123_456_789; print_newline ();
  print_int 1_0_0; print_newline ();
  print_int (- 5); print_newline ();
  print_int (~- 6); print_newline ();
  let big = 1073741823 in
  print_int big; print_newline ();
  let small = -1073741824 in
  print_int small; print_newline ();
  print_int (0x7 + 0x8 * 0x10); print_newline ()
