(* size-max: 1024 *)
let () = print_endline "Hello, world!"
