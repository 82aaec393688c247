(* The extremes of the 31-bit range (no operation here overflows 31 bits). *)
let max31 = 1073741823
let min31 = -1073741824
let () =
  Printf.printf "%d %d\n" max31 min31;
  print_int min31; print_newline ();
  print_endline (string_of_int min31);
  print_endline (string_of_int max31);
  Printf.printf "[%15d] [%-15d]\n" min31 max31;
  Printf.printf "%x\n" max31;
  Printf.printf "%d %d\n" (int_of_string "1073741823") (int_of_string "-1073741824");
  Printf.printf "%d %d\n" (max31 / 2) (min31 / 2);
  Printf.printf "%d %d\n" (max31 mod 1000) (min31 mod 1000);
  Printf.printf "%d %d\n" (min31 asr 10) (max31 asr 10);
  Printf.printf "%d %d\n" (max31 lsr 20) (max31 land 0xffff);
  Printf.printf "%d %d\n" (min31 + max31) (abs (min31 + 1));
  Printf.printf "%d %d\n" (- max31) (-(min31 + 1));
  Printf.printf "%b %b %d\n" (min31 < max31) (min31 < 0) (compare min31 max31);
  Printf.printf "%d %d\n" (max max31 min31) (min max31 min31);
  Printf.printf "%d\n" (min31 lor 1);
  Printf.printf "%d\n" (min31 lxor max31);
  Printf.printf "%d %d\n" (succ (max31 - 1)) (pred (min31 + 1));
  Printf.printf "%d\n" (List.fold_left max min31 [3; -7; 12])
