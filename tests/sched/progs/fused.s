; The fused sync services ev_send_sync / ev_receive_sync (0x65, 0x66) against the other
; ways of synchronising: the sender uses the fused send; main receives once fused, once
; through ev_receive + ev_sync (a base event: the value itself), once through a choose
; (the pair (v, fs)); then a fused receive on a channel that does not exist raises
; Invalid_argument "Event.sync: not a channel", uncaught: exit 2.
        .manifest contexts 2
        .global main
main:
        quote 0
        svc chan_new
        push                    ; S0 = c
        cur sender, 1, 0
        push                    ; S0 = f, S1 = c
        acc 1
        svc thread_create
        acc 0
        svc ev_receive_sync     ; 1 (main blocks first, the sender commits)
        svc print_int
        quote 10
        svc print_char
        acc 0
        svc ev_receive
        svc ev_sync             ; 2 (the fused sender is waiting; a base event: the value)
        svc print_int
        quote 10
        svc print_char
        acc 0
        svc ev_receive
        push
        quote 0
        cons                    ; A = [receive c]
        svc ev_choose
        svc ev_sync             ; (3, []) (main blocks in a choose, the fused send commits)
        fst
        svc print_int
        quote 10
        svc print_char
        quote 99
        svc ev_receive_sync     ; not a channel
        halt

sender:                         ; S0 = c
        quote 1
        push                    ; S0 = i, S1 = c
.Ls:
        acc 1
        push                    ; S0 = c
        acc 1                   ; A = i
        svc ev_send_sync
        acc 0
        addimm 1
        assign 0
        quote 4
        push
        acc 1
        blt .Ls                 ; i < 4
        pop 1
        quote 0
        return 1
