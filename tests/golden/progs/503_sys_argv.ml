(* Sys.argv: the program's arguments (none here: only the program itself). *)
let () =
  Printf.printf "%d argument(s)\n" (Array.length Sys.argv - 1);
  Array.iteri (fun i a -> if i > 0 then Printf.printf "%d: %s\n" i a) Sys.argv;
  let verbose = Array.exists (fun a -> a = "-v") Sys.argv in
  print_endline (if verbose then "verbose" else "quiet");
  Printf.printf "%b\n" (Array.length Sys.argv >= 1 && String.length Sys.argv.(0) > 0)
