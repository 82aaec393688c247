type t = A | B of int
let () = match A with C -> ()
