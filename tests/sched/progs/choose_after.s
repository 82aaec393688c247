; Event.choose [wrap (receive c) f; after 5 ms] with nobody sending: the timeout fires.
; Then a sender context sleeps 2 ms and sends 42 while main waits with a 5 ms timeout:
; the receive wins, the result comes with its wrapper list (applied here: f v = v + 1).
        .manifest contexts 2
        .global main
main:
        quote 0
        svc chan_new
        push                    ; S0 = c
        acc 0
        push
        call wait, 1            ; first round: nobody sends
        cur sender, 1, 0
        push
        acc 1
        svc thread_create
        acc 0
        push
        call wait, 1            ; second round: 42 arrives after 2 ms
        pop 1
        halt

wait:                           ; S0 = c
        quote 5000000           ; 5 ms
        svc ev_after
        push                    ; S0 = after
        quote 0
        cons                    ; A = [after]
        push                    ; S0 = list, S1 = c
        acc 1
        svc ev_receive
        push
        cur incr, 1, 0
        svc ev_wrap             ; A = wrap (receive c) incr
        swap                    ; A = list, S0 = wrapped
        cons                    ; A = [wrapped; after]
        svc ev_choose
        svc ev_sync             ; (v, fs)
        push                    ; S0 = pair
        snd                     ; fs
        branchifnot .Lnowrap    ; [] -> timeout branch
        fst                     ; f = head fs
        push                    ; S0 = f, S1 = pair
        acc 1
        fst                     ; A = v
        swap                    ; A = f, S0 = v
        app 1                   ; f v
        svc print_int
        quote 10
        svc print_char
        pop 1
        return 1
.Lnowrap:
        const "timeout\n"
        svc print_string
        pop 1
        return 1

incr:
        acc 0
        addimm 1
        return 1

sender:                         ; S0 = c
        quote 2
        svc sleep_ms
        acc 0
        push
        quote 42
        svc ev_send
        svc ev_sync
        quote 0
        return 1
