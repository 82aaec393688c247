; Two contexts both receive on a channel nobody sends on: a deadlock, reported at the end.
        .manifest contexts 2
        .global main
main:
        quote 0
        svc chan_new
        push
        cur recv, 1, 0
        push
        acc 1
        svc thread_create
        const "waiting\n"
        svc print_string
        acc 0
        svc ev_receive
        svc ev_sync
        halt
recv:
        acc 0
        svc ev_receive
        svc ev_sync
        return 1
