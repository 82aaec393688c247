(* Float arithmetic operators and conversions. *)
let () =
  let a = 7.5 and b = 2.0 in
  print_float (a +. b); print_newline ();
  print_float (a -. b); print_newline ();
  print_float (a *. b); print_newline ();
  print_float (a /. b); print_newline ();
  print_float (-. a); print_newline ();
  print_float (1.0 +. 2.0 *. 3.0); print_newline ();
  print_float ((1.0 +. 2.0) *. 3.0); print_newline ();
  print_float (10.0 -. 2.0 -. 3.0); print_newline ();
  print_float (float_of_int 7 /. 2.0); print_newline ();
  print_int (int_of_float 3.99); print_newline ();
  print_int (int_of_float (-3.99)); print_newline ();
  print_float (float_of_int (-4)); print_newline ();
  Printf.printf "%b %b %b %b\n" (1.5 < 2.5) (2.0 = 2.0) (3.0 > 3.5) (1.0 <= 1.0);
  Printf.printf "%f\n" (1.0 /. 3.0);
  print_endline (string_of_float (2.0 /. 3.0));
  print_endline (string_of_float 1e10);
  let s = ref 0.0 in
  for i = 1 to 10 do s := !s +. 1.0 /. float_of_int i done;
  Printf.printf "%f\n" !s;
  print_float (compare 1.0 2.0 |> float_of_int); print_newline ();
  print_float (max 1.5 (-2.5)); print_newline ();
  print_float (min 1.5 (-2.5)); print_newline ();
