; hand-written code taking a field of an integer
        .global main
main:
        quote 12
        fst
        halt
