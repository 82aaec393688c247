(* Float arithmetic results printed with print_float, string_of_float and %f. *)
let () =
  let xs = [0.1 +. 0.2; 1.0 /. 7.0; 100.0 /. 3.0; 2.0 *. 2.0 *. 2.0; 1e15; 1e16; 123.456e3; -0.0; 5e-5; 1.0 -. 1e-10] in
  List.iter (fun x -> print_float x; print_string " "; print_string (string_of_float x); Printf.printf " %f\n" x) xs;
  let avg l = let (s, n) = List.fold_left (fun (s, n) x -> (s +. x, n +. 1.0)) (0.0, 0.0) l in s /. n in
  Printf.printf "%f\n" (avg [1.0; 2.0; 3.0; 4.5]);
  print_float 1073741823.0; print_newline ();
  let c2f c = c *. 9.0 /. 5.0 +. 32.0 in
  List.iter (fun c -> Printf.printf "%fC = %fF\n" c (c2f c)) [-40.0; 0.0; 37.0; 100.0]
