(* Float formatting: %f, string_of_float and print_float over a wide range of magnitudes. *)
let () =
  List.iter (fun x -> Printf.printf "%f|%s|" x (string_of_float x); print_float x; print_newline ())
    [1e20; 123456789.123; 0.000001; 1e-7; -0.0000001; 0.0000005; 2.5e-7; 1e21; 1.5e300; 5e-324; 1e11; 1e12; 0.1 +. 0.7; 1.0 /. 3.0 *. 3.0; 999999.9999999; 0.05; 0.015; 2.675; 1e-300 *. 1e-300; 4503599627370497.0; 9007199254740993.0];
  Printf.printf "%5f|%12f|%-12f|%012f\n" 3.14159 (-2.5) 1e5 7.25
