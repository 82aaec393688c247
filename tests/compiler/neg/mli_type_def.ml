(* the interface exports the variant with other constructors *)
type mode = Idle | Run
let start = Run
