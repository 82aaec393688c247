(* a width and a precision from an argument on %s: OCaml refuses it too *)
let () = Printf.printf "[%5.*s]\n" 3 "x"
