(* An uncaught Failure from failwith exits with status 2. *)
let rec f n : unit = if n = 0 then failwith "reached zero" else (Printf.printf "n=%d\n" n; f (n - 1))
let () =
  print_endline "counting down";
  f 3;
  print_endline "unreachable"
