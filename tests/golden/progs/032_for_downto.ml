(* for ... downto loops. *)
let () =
  for i = 10 downto 1 do print_int i; print_char ' ' done;
  print_newline ();
  for i = 1 downto 2 do print_endline "never" done;
  for i = 0 downto 0 do Printf.printf "once %d\n" i done;
  let acc = ref [] in
  for i = 5 downto -5 do acc := i :: !acc done;
  List.iter (fun x -> print_int x; print_char ' ') !acc;
  print_newline ();
  let s = "stressed" in
  for i = String.length s - 1 downto 0 do print_char s.[i] done;
  print_newline ()
