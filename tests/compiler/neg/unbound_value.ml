let () = print_int (foo 3)
