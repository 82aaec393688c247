(* B1 (tests/golden/known/BUGS.md): (a, b) M.t in a type expression is a syntax error *)
let h : (int, string) Hashtbl.t = Hashtbl.create 1
let () = Hashtbl.add h 1 "one"; print_endline (Hashtbl.find h 1)
