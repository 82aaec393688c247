; Thread.create + Event.send/receive/sync: a sender context sends 1, 2, 3 on a channel,
; the main context receives and prints them.
        .manifest contexts 4
        .global main
main:
        quote 0
        svc chan_new            ; A = c
        push                    ; S0 = c
        cur sender, 1, 0        ; A = sender
        push                    ; S0 = f, S1 = c
        acc 1                   ; A = c
        svc thread_create       ; pops f; A = tid
        quote 3
        push                    ; S0 = count, S1 = c
.Lr:
        acc 1
        svc ev_receive
        svc ev_sync             ; A = v (a base event: no wrappers)
        svc print_int
        quote 10
        svc print_char
        acc 0
        addimm -1
        assign 0
        quote 0
        push
        acc 1
        bgt .Lr                 ; count > 0
        pop 2
        halt

sender:                         ; S0 = c
        quote 1
        push                    ; S0 = i, S1 = c
.Ls:
        acc 1
        push                    ; S0 = c
        acc 1                   ; A = i
        svc ev_send             ; Send (c, i)
        svc ev_sync
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
