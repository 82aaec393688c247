(* string_of_int, int_of_string, string_of_bool, string_of_float. *)
let () =
  List.iter (fun n -> print_endline (string_of_int n)) [0; 7; -7; 1000000; 1073741823; -1073741824];
  List.iter (fun s -> print_int (int_of_string s); print_newline ())
    ["0"; "42"; "-42"; "+5"; "0x1f"; "0XFF"; "1_000"; "007"; "0b101"; "0o17"; "1073741823"];
  List.iter (fun s -> try print_int (int_of_string s); print_newline () with Failure m -> print_endline ("Failure " ^ m))
    [""; "abc"; "12a"; "-"; " 1"; "1.5"];
  print_endline (string_of_bool true ^ "/" ^ string_of_bool false);
  List.iter (fun f -> print_endline (string_of_float f)) [0.0; 1.0; -2.5; 0.1; 100.25; 1e20; 1.5e-7];
  print_int (int_of_string (string_of_int 98765)); print_newline ()
