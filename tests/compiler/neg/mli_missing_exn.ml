(* the interface declares an exception the implementation does not *)
let check x = x > 0
