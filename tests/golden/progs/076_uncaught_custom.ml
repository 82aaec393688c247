(* An uncaught user exception with a payload exits with status 2. *)
exception My_error of int * string
let () =
  for i = 1 to 3 do Printf.printf "iteration %d\n" i done;
  (try raise (My_error (1, "caught")) with My_error (n, s) -> Printf.printf "%d %s\n" n s);
  raise (My_error (42, "not caught"))
