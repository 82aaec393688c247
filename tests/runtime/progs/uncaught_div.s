; an uncaught Division_by_zero: OCaml's message on stderr, exit status 2
        .global main
main:
        const "before\n"
        svc print_string
        quote 0
        push
        quote 5
        modint
        halt
