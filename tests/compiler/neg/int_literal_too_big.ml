let big = 2147483648
let () = print_int big
