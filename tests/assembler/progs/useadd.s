; uses add from libmath.a
        .global main
        .extern add
main:   quote 20
        push
        call add, 1
        svc print_int
        halt
