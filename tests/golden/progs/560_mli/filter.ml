let sum l = List.fold_left ( + ) 0 l

let average r =
  match Ring.to_list r with [] -> 0 | l -> sum l / List.length l

let describe show r = "[" ^ String.concat "; " (List.map show (Ring.to_list r)) ^ "]"
