; B2: tak 18 12 6, 7500 times, summed = 52500
        .manifest name "tak"
        .global main
main:
        quote 0
        push                    ; S1 = sum
        quote 7500
        push                    ; S0 = count
.Lloop:
        quote 6
        push
        quote 12
        push
        quote 18
        push
        call tak, 3
        push
        acc 2
        addint
        assign 1
        acc 0
        addimm -1
        assign 0
        acc 0
        branchif .Lloop
        acc 1
        svc print_int
        quote 10
        svc print_char
        halt

tak:                            ; x y z -> if y < x then tak (tak (x-1) y z) (tak (y-1) z x) (tak (z-1) x y) else z
        acc 0
        push
        acc 2
        blt .Lrec
        acc 2
        return 3
.Lrec:                          ; A is still y
        push
        acc 1
        push
        acc 4
        addimm -1
        push
        call tak, 3             ; r3 = tak (z-1) x y
        push
        acc 1
        push
        acc 4
        push
        acc 4
        addimm -1
        push
        call tak, 3             ; r2 = tak (y-1) z x
        push
        acc 4
        push
        acc 4
        push
        acc 4
        addimm -1
        push
        call tak, 3             ; r1 = tak (x-1) y z
        push
        tailcall tak, 3, 3
