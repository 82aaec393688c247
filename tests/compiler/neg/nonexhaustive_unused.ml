let f x = match x with
  | Some 1 -> 0
  | None -> 1
let g l = match l with [] -> 0 | [_] -> 1
let h () = let unused = 3 in 4
let () = print_int (f None + g [] + h ())
