; Container A: a few instructions, then an uncaught Division_by_zero.
        .manifest name "a"
        .manifest priority 5
        .global main
main:
        quote 0
        push
        quote 7
        divint
        halt
