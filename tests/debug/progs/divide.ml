(* Division_by_zero from a primitive two calls deep. *)
let ratio a b = a / b

let average l =
  let s = List.fold_left ( + ) 0 l in
  ratio s (List.length l)

let () = print_int (average [])
