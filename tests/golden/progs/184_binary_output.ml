(* Every byte value can be printed, including NUL and bytes >= 128. *)
let () =
  for i = 0 to 255 do print_char (Char.chr i) done;
  print_newline ();
  print_string "a\000b\255c\128\n";
  let s = String.make 3 '\000' in
  Printf.printf "%d[%s]\n" (String.length s) s;
  Printf.printf "%c%c\n" '\000' '\200'
