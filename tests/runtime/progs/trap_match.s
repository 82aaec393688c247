        .global main
main:
        quote 0
        matchfail
        halt
