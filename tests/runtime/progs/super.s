; superinstructions (opcodes.def 0x80-0x97, isa.md §6.7): each one next to the result of
; its expansion. `pr` prints A and a newline.
        .global main
main:
        ; pushacc n = push; acc n (n counts from the new SP)
        quote 7
        push
        quote 8
        pushacc 1               ; S0 = 8, S1 = 7, A = 7
        call pr, 0              ; 7
        acc 0
        call pr, 0              ; 8
        pop 2
        ; pushacc2 n, m = pushacc n; pushacc m
        quote 7
        push
        quote 8                 ; A = 8, S0 = 7
        pushacc2 0, 2           ; push 8, A = S0 = 8; push 8, A = S2 = 7
        call pr, 0              ; 7
        acc 1
        call pr, 0              ; 8
        acc 2
        call pr, 0              ; 7
        pop 3
        ; pushquote n
        quote 1
        pushquote -5            ; S0 = 1, A = -5
        call pr, 0              ; -5
        acc 0
        call pr, 0              ; 1
        pop 1
        ; accfield / pushaccfield: a pair (10, 20) in S0
        quote 20
        push
        quote 10
        makeblock 0, 2
        push
        accfield 0, 1
        call pr, 0              ; 20
        quote 3
        pushaccfield 1, 0       ; push 3; A = field 0 of the pair (now S1)
        call pr, 0              ; 10
        acc 0
        call pr, 0              ; 3
        pop 2
        ; envacc-based: a closure with free variables 5 and the pair (6, 9)
        quote 9
        push
        quote 6
        makeblock 0, 2
        push
        quote 5
        cur clo, 1, 2           ; free vars: 5, (6, 9)
        push
        quote 0
        push
        acc 1
        app 1                   ; prints 5 6 9 5, returns 0
        pop 1
        ; modimm / divimm: truncated, like modint/divint
        quote 17
        modimm 5
        call pr, 0              ; 2
        quote -17
        modimm 5
        call pr, 0              ; -2
        quote -17
        divimm 5
        call pr, 0              ; -3
        quote -1073741824
        divimm -1
        call pr, 0              ; -1073741824 (wraps, as divint)
        pushtrap .Ldz
        quote 4
        modimm 0                ; raises Division_by_zero
        poptrap
        call pr, 0
        branch .Lafterdz
.Ldz:
        field 0
        svc print_string
        quote 10
        svc print_char          ; Division_by_zero
.Lafterdz:
        ; b<cmp>acc n, L: compare A with S[n], keep A and the stack
        quote 4
        push                    ; S0 = 4
        quote 3
        bltacc 0, 1f            ; 3 < 4: taken
        quote 99
        call pr, 0
1:      call pr, 0              ; 3 (A kept)
        acc 0
        beqacc 0, 1f            ; taken
        quote 99
1:      call pr, 0              ; 4
        quote 5
        bleacc 0, 1f            ; 5 <= 4: not taken
        bgtacc 0, 2f            ; 5 > 4: taken
1:      quote 99
2:      call pr, 0              ; 5
        quote 4
        bneacc 0, 1f            ; not taken
        bgeacc 0, 2f            ; taken
1:      quote 99
2:      call pr, 0              ; 4
        quote -1
        bgeacc 0, 1f            ; signed: -1 >= 4 is false
        call pr, 0              ; -1
1:      pop 1
        ; forup / fordown: for i = 1 to 3 (S0 = i, S1 = hi) printing i
        quote 3
        push
        quote 1
        push
1:      acc 0
        call pr, 0              ; 1 2 3
        forup 0, 1, 1b
        acc 0
        call pr, 0              ; 3 (the index stops at hi)
        pop 2
        quote -2
        push
        quote 0
        push
1:      acc 0
        call pr, 0              ; 0 -1 -2
        fordown 0, 1, 1b
        pop 2
        ; pushcall / pushtailcall: sum 1..10 with a closed tail-recursive function
        quote 0
        push
        quote 10
        pushcall sum, 2         ; push 10 (arguments n = 10, acc = 0)
        call pr, 0              ; 55
        ; pushenvacc through a closure call: see clo
        halt

; sum n acc = if n = 0 then acc else sum (n - 1) (acc + n)   (S0 = n, S1 = acc)
sum:
        acc 0
        beqimm 0, 1f
        acc 1
        push
        acc 1
        addint                  ; acc + n
        push
        acc 1
        addimm -1               ; n - 1
        pushtailcall sum, 2, 2
1:      acc 1
        return 2

; clo x: print free var 0, both fields of free var 1 (envaccfield), then pushenvacc
clo:
        envacc 0
        call pr, 0              ; 5
        envaccfield 1, 0
        call pr, 0              ; 6
        envaccfield 1, 1
        call pr, 0              ; 9
        quote 0
        pushenvacc 0            ; push 0; A = 5
        call pr, 0              ; 5
        pop 1
        acc 0
        return 1

pr:
        svc print_int
        quote 10
        svc print_char
        return 0
