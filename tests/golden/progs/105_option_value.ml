(* Option.value with its ~default argument (as the OCaml stdlib defines it). *)
let () =
  Printf.printf "%d %d\n" (Option.value (Some 5) ~default:0) (Option.value None ~default:0);
  print_endline (Option.value ~default:"none" (Some "some"));
  print_endline (Option.value ~default:"none" None);
  let lookup k = Option.value (List.assoc_opt k [(1, "a"); (2, "b")]) ~default:"?" in
  print_endline (lookup 1 ^ lookup 2 ^ lookup 3)
