; GC under pressure: a live 1000-element list survives 20 rounds that each allocate a
; 1000-element garbage list, 1000 boxed floats and a string built by strcat; run at
; several heap sizes (gc_pressure.opts) and, by the test suite, collecting on every
; allocation
        .global main
main:
        quote 1000
        push
        quote 0
        call build, 1
        push                    ; S0 = live list
        quote 20
        push                    ; S0 = rounds, S1 = live
.Lround:
        acc 0
        branchifnot .Lend
        quote 0
        push
        quote 1000
        push
        quote 0
        call build, 1
        push
        quote 0
        call sum, 2
        call pr, 0              ; 500500
        quote 1000
        push
        quote 0
        call fsum, 1
        svc string_of_float
        call ps, 0              ; 500500.
        quote 10
        push
        quote 0
        call strs, 1
        strlen
        call pr, 0              ; 30
        acc 0
        addimm -1
        assign 0
        branch .Lround
.Lend:
        quote 0
        push
        acc 2
        push
        quote 0
        call sum, 2
        call pr, 0              ; the live list is intact
        halt

build:                          ; n -> [1; ...; n]
        quote 0
        push
        acc 1
        push
        quote 0
        call build2, 2
        return 1
build2:                         ; n acc
        acc 0
        branchifnot .Ldone
        acc 0
        push
        acc 2
        cons
        push
        acc 1
        addimm -1
        push
        quote 0
        tailcall build2, 2, 2
.Ldone:
        acc 1
        return 2

sum:                            ; list acc
        acc 0
        branchifnot .Lsd
        acc 0
        fst
        push
        acc 2
        addint
        push
        acc 1
        snd
        push
        quote 0
        tailcall sum, 2, 2
.Lsd:
        acc 1
        return 2

fsum:                           ; n -> float (1 + ... + n), boxing every partial sum
        const 0.0
        push                    ; S0 = s, S1 = n
.Lf:
        acc 1
        branchifnot .Lfd
        acc 1
        floatofint
        push
        acc 1
        addfloat
        assign 0
        acc 1
        addimm -1
        assign 1
        branch .Lf
.Lfd:
        acc 0
        return 2

strs:                           ; n -> "abc" ^ ... (n times)
        const ""
        push                    ; S0 = s, S1 = n
.Ls:
        acc 1
        branchifnot .Lsdone
        const "abc"
        push
        acc 1
        strcat
        assign 0
        acc 1
        addimm -1
        assign 1
        branch .Ls
.Lsdone:
        acc 0
        return 2

ps:
        svc print_string
        quote 10
        svc print_char
        return 0
pr:
        svc print_int
        quote 10
        svc print_char
        return 0
