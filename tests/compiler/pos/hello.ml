(* size-max: 640 *)
(* the bound also catches initialisers of unused stdlib modules (Filename) being linked *)
let () = print_endline "Hello, world!"
