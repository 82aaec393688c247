; B3: s = sum of (i mod 7) over i in 0 .. 10_000_000-1 with i mod 3 = 0 (= 10000001)
        .manifest name "loop"
        .global main
main:
        quote 0
        push                    ; S1 = s
        quote 0
        push                    ; S0 = i
.Lloop:
        quote 3
        push
        acc 1
        modint
        branchif .Lnext
        quote 7
        push
        acc 1
        modint
        push
        acc 2
        addint
        assign 1
.Lnext:
        acc 0
        addimm 1
        assign 0
        quote 10000000
        push
        acc 1
        blt .Lloop
        acc 1
        svc print_int
        quote 10
        svc print_char
        halt
