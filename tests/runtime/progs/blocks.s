; blocks and globals: cons, fst, snd, field, makeblock, setfield, gettag, isint, switch,
; getvar, setvar
        .global main
        .var g0
        .var g1
main:
        quote 3
        push
        quote 0
        cons                    ; [3]
        push
        quote 2
        swap
        cons                    ; [2; 3]
        push
        quote 1
        swap
        cons                    ; [1; 2; 3]
        push                    ; S0 = list
        fst
        call pr, 0              ; 1
        acc 0
        snd
        fst
        call pr, 0              ; 2
        quote 0
        push
        acc 1
        push
        quote 0
        call sum, 2
        call pr, 0              ; 6
        pop 1
        ; makeblock tag 5 with fields 10 20 30
        quote 30
        push
        quote 20
        push
        quote 10
        makeblock 5, 3
        push                    ; S0 = b
        field 2
        call pr, 0              ; 30
        quote 77
        push
        acc 1
        setfield 1              ; b.1 := 77
        acc 0
        field 1
        call pr, 0              ; 77
        acc 0
        gettag
        call pr, 0              ; 5
        acc 0
        isint
        call pr, 0              ; 0
        quote 7
        isint
        call pr, 0              ; 1
        quote 7
        gettag
        call pr, 0              ; 7
        ; switch on an int and on blocks
        quote 1
        call sw, 0              ; 11
        quote 0
        call sw, 0              ; 10
        acc 0
        call sw, 0              ; 25 (tag 5)
        quote 0
        makeblock 0, 1
        call sw, 0              ; 20
        pop 1
        ; globals
        getvar g0
        call pr, 0              ; 0
        quote 42
        setvar g1
        call pr, 0              ; 0 (setvar leaves ())
        getvar g1
        call pr, 0              ; 42
        halt

sw:
        switch 2, 6, .Li0, .Li1, .Lb0, .Lb0, .Lb0, .Lb0, .Lb0, .Lb5
.Li0:
        quote 10
        branch .Lp
.Li1:
        quote 11
        branch .Lp
.Lb0:
        quote 20
        branch .Lp
.Lb5:
        quote 25
.Lp:
        call pr, 0
        return 0

sum:                            ; list acc -> sum
        acc 0
        branchifnot .Ldone
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
.Ldone:
        acc 1
        return 2

pr:
        svc print_int
        quote 10
        svc print_char
        return 0
