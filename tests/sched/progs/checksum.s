; Container B: a checksum over 100000 steps, printed every 20000 (yields in between).
        .manifest name "b"
        .manifest priority 5
        .global main
main:
        quote 0
        push                    ; S0 = sum
        quote 0
        push                    ; S0 = i, S1 = sum
.Ll:
        acc 1
        push
        quote 31
        mulint                  ; A = 31 * sum
        push
        acc 1
        addint                  ; A = i + 31*sum
        push
        quote 1000003
        swap
        modint
        assign 1                ; sum := (31*sum + i) mod 1000003
        acc 0
        addimm 1
        assign 0
        acc 0
        push
        quote 20000
        swap
        modint                  ; i mod 20000
        push
        quote 0
        bne .Lnext              ; A=0 vs S0: jump if S0 != 0? (A != S0)
        acc 1
        svc print_int
        quote 10
        svc print_char
        quote 0
        svc thread_yield
.Lnext:
        acc 0
        push
        quote 100000
        bgt .Ll                 ; 100000 > i
        halt
