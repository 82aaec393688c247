(* Infinities, negative zero and float comparison in structures. *)
let () =
  let inf = 1.0 /. 0.0 and ninf = -1.0 /. 0.0 in
  print_float inf; print_newline ();
  print_float ninf; print_newline ();
  print_endline (string_of_float inf);
  Printf.printf "%f %f\n" inf ninf;
  Printf.printf "%b %b %b\n" (inf > 1e300) (ninf < -1e300) (inf = inf);
  Printf.printf "%d %d\n" (compare 0.0 (-0.0)) (compare 1.5 1.5);
  Printf.printf "%b\n" ((1.0, [2.5]) = (1.0, [2.5]));
  Printf.printf "%b\n" ([| 0.5; 1.5 |] < [| 0.5; 2.5 |]);
  Printf.printf "%f\n" (max 1e10 1e-10);
  print_float (1e10 *. 1e10); print_newline ();
  print_float 0.1; print_newline ();
  print_float (-. 0.0); print_newline ();
  print_float 123456789012.0; print_newline ()
