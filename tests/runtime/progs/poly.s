; structural comparison: polyeq .. polycmp on lists, strings, floats (nan), mixed;
; comparing functions raises Invalid_argument
        .global main
main:
        quote 3
        push
        quote 0
        cons
        push
        quote 1
        swap
        cons
        push
        quote 2
        push
        quote 0
        cons
        push
        quote 1
        swap
        cons
        push
        quote 2
        push
        quote 0
        cons
        push
        quote 1
        swap
        cons
        push
        acc 1
        push
        acc 1
        polyeq
        call pr, 0
        acc 2
        push
        acc 1
        polyeq
        call pr, 0
        acc 2
        push
        acc 1
        polyne
        call pr, 0
        acc 2
        push
        acc 1
        polylt
        call pr, 0
        acc 0
        push
        acc 3
        polylt
        call pr, 0
        acc 1
        push
        acc 1
        polyle
        call pr, 0
        acc 0
        push
        acc 3
        polygt
        call pr, 0
        acc 1
        push
        acc 1
        polyge
        call pr, 0
        acc 2
        push
        acc 1
        polycmp
        call pr, 0
        acc 0
        push
        acc 3
        polycmp
        call pr, 0
        acc 1
        push
        acc 1
        polycmp
        call pr, 0
        quote 5
        push
        acc 1
        polycmp
        call pr, 0
        const "abd"
        push
        const "abc"
        polycmp
        call pr, 0
        const "c"
        push
        const "ab"
        strcat
        push
        const "abc"
        polyeq
        call pr, 0
        const "ab"
        push
        const "abc"
        polygt
        call pr, 0
        const nan
        push
        const nan
        polyeq
        call pr, 0
        const nan
        push
        const nan
        polycmp
        call pr, 0
        const 1.0
        push
        const nan
        polycmp
        call pr, 0
        const nan
        push
        const 1.0
        polylt
        call pr, 0
        const 2.0
        push
        const 1.5
        polylt
        call pr, 0
        const 2.0
        push
        quote 2
        floatofint
        polyeq
        call pr, 0
        pushtrap .Lh
        cur f, 1, 0
        push
        cur f, 1, 0
        polyeq
        const "BAD"
        svc print_string
        halt
.Lh:
        snd
        svc print_string
        quote 10
        svc print_char
        halt
f:
        acc 0
        return 1
pr:
        svc print_int
        quote 10
        svc print_char
        return 0
