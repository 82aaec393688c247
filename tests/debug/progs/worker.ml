(* The second container of the two-container test: runs to its end. *)
let () = print_endline "worker done"
