(* for ... to loops. *)
let () =
  for i = 1 to 10 do print_int i; print_char ' ' done;
  print_newline ();
  for i = 5 to 4 do print_endline "never" done;
  for i = 3 to 3 do Printf.printf "once %d\n" i done;
  let sum = ref 0 in
  for i = 1 to 100 do sum := !sum + i done;
  Printf.printf "sum=%d\n" !sum;
  for i = -3 to 3 do Printf.printf "%d^2=%d " i (i * i) done;
  print_newline ();
  let lo = 2 and hi = 6 in
  for i = lo to hi * 2 do if i mod 3 = 0 then Printf.printf "[%d]" i done;
  print_newline ();
  let fs = ref [] in
  for i = 1 to 3 do fs := (fun () -> i * 10) :: !fs done;
  List.iter (fun f -> print_int (f ()); print_char ' ') !fs;
  print_newline ()
