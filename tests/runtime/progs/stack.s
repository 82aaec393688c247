; stack instructions: nop, acc, push, pop, swap, assign, quote
        .global main
main:
        nop
        quote 1
        push
        quote 2
        push
        quote 3
        push                    ; S0 = 3, S1 = 2, S2 = 1
        acc 2
        call pr, 0              ; 1
        quote 9
        assign 1                ; S1 := 9, A := ()
        call pr, 0              ; 0
        acc 1
        call pr, 0              ; 9
        quote 5
        swap                    ; A = 3, S0 = 5
        call pr, 0              ; 3
        acc 0
        call pr, 0              ; 5
        pop 2
        acc 0
        call pr, 0              ; 1
        pop 1
        quote -1073741824
        call pr, 0
        quote 1073741823
        call pr, 0
        halt
pr:
        svc print_int
        quote 10
        svc print_char
        return 0
