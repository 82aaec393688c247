; deep non-tail recursion: depth 100000 = 1 + depth 99999 ..., with a 4 MB stack
        .global main
main:
        quote 100000
        push
        quote 0
        call depth, 1
        svc print_int
        quote 10
        svc print_char
        halt
depth:                          ; n -> if n = 0 then 0 else 1 + depth (n-1)
        acc 0
        branchifnot .Lz
        acc 0
        addimm -1
        push
        quote 0
        call depth, 1
        addimm 1
        return 1
.Lz:
        quote 0
        return 1
