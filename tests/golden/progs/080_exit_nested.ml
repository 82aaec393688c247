(* exit from deep inside nested calls and loops; code after it never runs. *)
let rec go n = if n = 0 then (print_endline "exiting"; exit 5) else (Printf.printf "depth %d\n" n; go (n - 1) + 1)
let () =
  let _ = try go 4 with _ -> print_endline "handler must not run"; 0 in
  print_endline "unreachable"
