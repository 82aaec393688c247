(* Char.code and Char.chr across the byte range. *)
let () =
  for i = 32 to 126 do print_char (Char.chr i) done;
  print_newline ();
  let s = "Sense-VM" in
  for i = 0 to String.length s - 1 do Printf.printf "%d " (Char.code s.[i]) done;
  print_newline ();
  Printf.printf "%d %d\n" (Char.code (Char.chr 0)) (Char.code (Char.chr 255));
  let upper c = if c >= 'a' && c <= 'z' then Char.chr (Char.code c - 32) else c in
  for i = 0 to String.length s - 1 do print_char (upper s.[i]) done;
  print_newline ();
  (try ignore (Char.chr 256) with Invalid_argument m -> print_endline m);
  (try ignore (Char.chr (-1)) with Invalid_argument m -> print_endline m);
  let sum = ref 0 in
  for i = 0 to 255 do sum := !sum + Char.code (Char.chr i) done;
  Printf.printf "%d\n" !sum
