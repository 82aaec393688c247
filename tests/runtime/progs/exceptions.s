; exceptions: pushtrap, poptrap, raise; runtime-raised Division_by_zero and
; Invalid_argument "index out of bounds"; raising across frames; nested handlers and
; re-raise; a handler inside a callee; 10000 raise/catch rounds in constant stack
        .global main
main:
        quote 111
        push                    ; S0 = 111, a local outside the try blocks
        pushtrap .Lh1
        quote 0
        push
        quote 1
        divint
        poptrap
        const "not reached\n"
        svc print_string
        branch .Lc1
.Lh1:
        fst
        call ps, 0              ; Division_by_zero
.Lc1:
        acc 0
        call pr, 0              ; 111: the stack was cut back to the handler's depth
        ; across frames: f1 3 -> f2 4 -> f3 5 raises Foo 6
        pushtrap .Lh2
        quote 3
        push
        quote 0
        call f1, 1
        poptrap
        branch .Lc2
.Lh2:
        push
        fst
        call ps, 0              ; Foo
        acc 0
        snd
        call pr, 0              ; 6 (first), 5 (second)
        pop 1
.Lc2:
        ; no exception: the value survives poptrap
        pushtrap .Lbad
        quote 5
        poptrap
        call pr, 0              ; 6 (first), 5 (second)
        ; nested handlers, re-raise from the inner one
        pushtrap .Lh4outer
        pushtrap .Lh4inner
        const "Bar"
        makeblock 248, 1
        raise
.Lh4inner:
        push
        const "inner"
        call ps, 0
        acc 0
        raise
.Lh4outer:
        fst
        call ps, 0              ; Bar
        ; index out of bounds
        pushtrap .Lh5
        quote 0
        push
        quote 3
        makearray
        push
        quote 3
        swap
        arrayget
        poptrap                 ; (not reached) the static stack check wants .Lbad's depth
        branch .Lbad
.Lh5:
        push
        fst
        call ps, 0              ; Invalid_argument
        acc 0
        snd
        call ps, 0              ; index out of bounds
        pop 1
        ; a callee that catches and returns normally
        quote 0
        call catcher, 0
        call pr, 0              ; 9
        ; 10000 rounds of raise/catch through a call, in a tail-recursive loop
        quote 10000
        push
        quote 0
        call rounds, 1
        call pr, 0              ; 10000
        acc 0
        call pr, 0              ; 111 still there
        halt
.Lbad:
        const "BAD"
        call ps, 0
        halt

f1:
        acc 0
        addimm 1
        push
        quote 0
        call f2, 1
        return 1
f2:
        acc 0
        addimm 1
        push
        quote 0
        call f3, 1
        return 1
f3:
        acc 0
        addimm 1
        push
        const "Foo"
        makeblock 248, 2
        raise

catcher:
        pushtrap .Lc
        const "Oops"
        makeblock 248, 1
        raise
.Lc:
        const "caught"
        call ps, 0
        quote 9
        return 0

rounds:                         ; n -> count of caught raises
        quote 0
        push                    ; S0 = count, S1 = n
.Lloop:
        acc 1
        branchifnot .Lend
        pushtrap .Lgot
        quote 1
        push
        quote 0
        call f3, 1
        halt                    ; (not reached; .Lbad is in another frame)
.Lgot:
        acc 0
        addimm 1
        assign 0
        acc 1
        addimm -1
        assign 1
        branch .Lloop
.Lend:
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
