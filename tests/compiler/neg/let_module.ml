(* let module is resolved at compile time: its structure may not use local variables *)
let f x =
  let module M = struct let y = x + 1 end in
  M.y
let () = print_int (f 1)
