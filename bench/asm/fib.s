; B1: naive fib 30 = 832040
        .manifest name "fib"
        .global main
main:
        quote 30
        push
        call fib, 1
        svc print_int
        quote 10
        svc print_char
        halt

fib:                            ; n -> if n < 2 then n else fib (n-1) + fib (n-2)
        quote 2
        push
        acc 1
        blt .Lsmall             ; A is still n
        addimm -1
        push
        call fib, 1             ; closed function: EP is not used, A need not be ()
        push
        acc 1
        addimm -2
        push
        call fib, 1
        addint
        return 1
.Lsmall:
        return 1                ; n < 2: the result is n, still in A
