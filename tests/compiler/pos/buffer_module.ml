let () =
  let b = Buffer.create 4 in
  for i = 1 to 20 do Buffer.add_string b (string_of_int i); Buffer.add_char b ',' done;
  Printf.printf "%s %d %c\n" (Buffer.contents b) (Buffer.length b) (Buffer.nth b 2);
  Buffer.clear b; Buffer.add_string b "x"; print_endline (Buffer.contents b)
let f (b : Buffer.t) = Buffer.length b
let () = print_int (f (Buffer.create 0)); print_newline ()
