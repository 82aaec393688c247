(* Printf %f and float printing functions. *)
let () =
  List.iter (fun x -> Printf.printf "%f | " x; print_float x; print_string " | "; print_endline (string_of_float x))
    [0.0; 1.0; -1.0; 0.5; 2.25; 100.0; 1234.5; 0.001; -0.125; 3.0e5; 1.0 /. 3.0; 2.0 /. 3.0; 123456789.0];
  Printf.printf "%f %f\n" (3.5 *. 2.0) (-. 7.0);
  Printf.printf "[%10f] [%-10f]\n" 1.5 (-1.5)
