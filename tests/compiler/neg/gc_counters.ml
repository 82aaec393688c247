(* Gc counters: OCaml has them, the VM keeps none; one clear message *)
let () = Printf.printf "%.0f\n" (Gc.minor_words ())
