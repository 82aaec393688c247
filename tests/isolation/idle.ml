(* idle.ml - the quiet low container of the baseline run: it declares what every buster
   declares (the inter-container channel "noise") and does nothing. *)
let () = ()
