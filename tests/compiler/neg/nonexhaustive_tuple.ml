let f p = match p with (true, _) -> 1 | (false, 0) -> 2
let g s = match s with "a" -> 1 | "b" -> 2
let () = print_int (f (true, 1) + g "a")
