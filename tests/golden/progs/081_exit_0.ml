(* exit 0 in the middle of the program. *)
let () =
  for i = 1 to 10 do
    Printf.printf "%d\n" i;
    if i = 4 then exit 0
  done;
  print_endline "unreachable"
