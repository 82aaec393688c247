; Event.poll: None on an empty channel, Some (v, []) on an `always`; Thread.self = 0.
        .global main
main:
        quote 0
        svc thread_self
        svc print_int           ; 0
        quote 10
        svc print_char
        quote 0
        svc chan_new
        svc ev_receive
        svc ev_poll
        branchif .Lsome
        const "none\n"
        svc print_string
        quote 5
        svc ev_always
        svc ev_poll             ; Some (5, [])
        fst                     ; (5, [])
        push
        fst
        svc print_int           ; 5
        acc 0
        snd
        isint                   ; [] is an integer
        svc print_int           ; 1
        quote 10
        svc print_char
        halt
.Lsome:
        const "unexpected\n"
        svc print_string
        halt
