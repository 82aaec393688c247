(* Characters: Char.code, Char.chr, comparisons, arithmetic on codes. *)
let rot13 c =
  let code = Char.code c in
  if code >= Char.code 'a' && code <= Char.code 'z' then
    Char.chr ((code - Char.code 'a' + 13) mod 26 + Char.code 'a')
  else if code >= Char.code 'A' && code <= Char.code 'Z' then
    Char.chr ((code - Char.code 'A' + 13) mod 26 + Char.code 'A')
  else c
let iter_string f s = for i = 0 to String.length s - 1 do f s.[i] done
let () =
  print_int (Char.code 'a'); print_newline ();
  print_char (Char.chr 72); print_char (Char.chr 105); print_newline ();
  let s = "Hello, World!" in
  iter_string (fun c -> print_char (rot13 c)) s; print_newline ();
  iter_string (fun c -> print_char (rot13 (rot13 c))) s; print_newline ();
  Printf.printf "%b %b %b\n" ('a' < 'b') ('Z' < 'a') ('x' = 'x');
  for i = 0 to 25 do print_char (Char.chr (Char.code 'a' + i)) done;
  print_newline ();
  print_int (compare 'a' 'b'); print_newline ();
  let digit_value c = Char.code c - Char.code '0' in
  print_int (digit_value '7' * 10 + digit_value '3'); print_newline ()
