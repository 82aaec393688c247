; closures: cur, envacc, getenv, closurepatch, call, tailcall, app and tailapp with
; exact, partial and over-application, PAPs of PAPs, return
        .global main
main:
        ; exact: add3 1 2 3 = 123
        quote 3
        push
        quote 2
        push
        quote 1
        push
        cur add3, 3, 0
        app 3
        call println, 0
        ; partial then complete: (add3 1 2) 3 = 123
        quote 2
        push
        quote 1
        push
        cur add3, 3, 0
        app 2                   ; A = PAP
        push
        quote 3
        swap                    ; A = PAP, S0 = 3
        app 1
        call println, 0
        ; PAP of a PAP: ((add3 4) 5) 6 = 456
        quote 4
        push
        cur add3, 3, 0
        app 1
        push
        quote 5
        swap
        app 1
        push
        quote 6
        swap
        app 1
        call println, 0
        ; over-application: mk_adder 10 5 = 15
        quote 5
        push
        quote 10
        push
        cur mk_adder, 1, 0
        app 2
        call println, 0
        ; over-application through a PAP: (curry3 1) 2 3 7 = adder 6 7 = 13
        quote 7
        push
        quote 3
        push
        quote 2
        push
        quote 1
        push
        cur curry3, 3, 0
        app 1                   ; PAP(curry3, 1); 3 arguments stay on the stack
        app 3
        call println, 0
        ; tailapp exact: tail_exact adder9 = adder9 41 = 50
        quote 9
        push
        cur mk_adder, 1, 0
        app 1
        push
        quote 0
        call tail_exact, 1
        call println, 0
        ; tailapp partial: tail_partial add3 = PAP(add3, 1); then 2 3 -> 123
        cur add3, 3, 0
        push
        quote 0
        call tail_partial, 1
        push                    ; S0 = PAP
        quote 3
        push
        quote 2
        push                    ; S0 = 2, S1 = 3, S2 = PAP
        acc 2
        app 2
        call println, 0
        pop 1
        ; tailapp over: tail_over mk_adder = mk_adder 10 5 = 15
        cur mk_adder, 1, 0
        push
        quote 0
        call tail_over, 1
        call println, 0
        ; tailcall loop: sum 1..1000 = 500500
        quote 0
        push
        quote 1000
        push
        quote 0
        call sumloop, 2
        call println, 0
        ; recursion through getenv: fact 10 = 3628800
        quote 10
        push
        cur fact, 1, 0
        app 1
        call println, 0
        ; several free variables: lin 3 4 5 = (fun x -> a*x + b + c) with a=3 b=4 c=5, at 10 = 39
        quote 10
        push                    ; argument for the closure
        quote 5
        push
        quote 4
        push
        quote 3
        cur lin, 1, 3           ; fv0 = 3, fv1 = 4, fv2 = 5; pops 2
        app 1
        call println, 0
        ; mutual recursion tied with closurepatch: odd 7 = 1, odd 10 = 0
        quote 0
        cur odd, 1, 1
        push                    ; S0 = odd
        cur even, 1, 1          ; even captures odd
        swap                    ; A = odd, S0 = even
        closurepatch 0          ; odd.fv0 := even; pop; A = odd
        push                    ; S0 = odd
        quote 7
        push
        acc 1
        app 1
        call println, 0
        quote 10
        push
        acc 1
        app 1
        call println, 0
        pop 1
        halt

println:                        ; print A and a newline; returns ()
        svc print_int
        quote 10
        svc print_char
        return 0

add3:                           ; a b c -> a*100 + b*10 + c
        quote 100
        push
        acc 1
        mulint
        push                    ; S0 = 100a
        quote 10
        push
        acc 3
        mulint                  ; A = 10b
        addint                  ; A = 10b + 100a
        push
        acc 3
        addint
        return 3

mk_adder:                       ; x -> (fun y -> y + x)
        acc 0
        cur .Ladd, 1, 1
        return 1
.Ladd:
        envacc 0
        push
        acc 1
        addint
        return 1

curry3:                         ; a b c -> mk_adder (a + b + c)
        acc 1
        push
        acc 1
        addint
        push
        acc 3
        addint
        push
        quote 0
        call mk_adder, 1
        return 3

tail_exact:                     ; f -> f 41
        quote 41
        push
        acc 1
        tailapp 1, 1
tail_partial:                   ; f -> f 1
        quote 1
        push
        acc 1
        tailapp 1, 1
tail_over:                      ; f -> f 10 5
        quote 5
        push
        quote 10
        push
        acc 2
        tailapp 2, 1

sumloop:                        ; n acc -> if n = 0 then acc else sumloop (n-1) (acc+n)
        acc 0
        branchifnot .Ldone
        acc 0
        push
        acc 2
        addint                  ; acc + n
        push
        acc 1
        addimm -1
        push
        quote 0
        tailcall sumloop, 2, 2
.Ldone:
        acc 1
        return 2

fact:                           ; closure: n -> if n = 0 then 1 else n * self (n-1)
        acc 0
        branchif .Lrec
        quote 1
        return 1
.Lrec:
        acc 0
        addimm -1
        push
        getenv
        app 1
        push
        acc 1
        mulint
        return 1

lin:                            ; x -> fv0*x + fv1 + fv2
        envacc 0
        push
        acc 1
        mulint
        push
        envacc 1
        addint
        push
        envacc 2
        addint
        return 1

even:                           ; n -> n = 0 || odd (n-1)
        acc 0
        branchifnot .Ltrue
        acc 0
        addimm -1
        push
        envacc 0
        tailapp 1, 1
.Ltrue:
        quote 1
        return 1
odd:                            ; n -> n <> 0 && even (n-1)
        acc 0
        branchifnot .Lfalse
        acc 0
        addimm -1
        push
        envacc 0
        tailapp 1, 1
.Lfalse:
        quote 0
        return 1
