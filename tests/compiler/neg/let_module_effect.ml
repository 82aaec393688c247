(* let module is resolved at compile time: its structure may not compute at run time *)
let () =
  let module M = struct let () = print_endline "side effect" end in
  print_endline "after"
