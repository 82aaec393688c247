(* a syntax error in the interface is reported in the interface *)
let v = 1
