; Container A: unbounded recursion until its stack overflows.
        .manifest name "a"
        .manifest priority 5
        .manifest stack 1K
        .global main
main:
        quote 0
        push
        call f, 1
        halt
f:
        acc 0
        push
        call f, 1
        return 1
