; A low-criticality allocation storm: builds and drops 100-cell lists (GC churn in
; its own 8K heap), 30000 rounds, then a line. Its collections cost fuel (issue 13), so
; it ends after `hi 40`; the extra collections of --gc-every-alloc cost none, and it ends
; before (storm.gc-every-alloc.out).
        .manifest name "storm"
        .manifest priority 1
        .manifest heap 8K
        .global main
main:
        quote 30000
        push                    ; S0 = rounds
.Lround:
        quote 0                 ; A = []
        push                    ; S0 = list
        quote 100
        push                    ; S0 = k, S1 = list
.Lcell:
        acc 0
        push                    ; S0 = k
        acc 2                   ; A = list
        cons                    ; A = k :: list? (S0, A) -> [S0 | A]
        assign 1                ; list := ...
        acc 0
        addimm -1
        assign 0
        quote 0
        push
        acc 1
        bgt .Lcell
        pop 2
        acc 0
        addimm -1
        assign 0
        quote 0
        push
        acc 1
        bgt .Lround
        const "storm done\n"
        svc print_string
        halt
