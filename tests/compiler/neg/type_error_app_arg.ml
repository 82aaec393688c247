let f x = x + 1
let () = print_string (f 2)
