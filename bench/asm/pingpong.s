; B6: two contexts ping-pong an integer 1_000_000 times over two channels, with the fused
; services ev_send_sync / ev_receive_sync (what `Event.sync (Event.send c v)` and
; `Event.sync (Event.receive c)` can compile to): prints 1000000
        .manifest name "pingpong"
        .var ping
        .var pong
        .global main
main:
        quote 0
        svc chan_new
        setvar ping
        quote 0
        svc chan_new
        setvar pong
        cur server, 1, 0
        push                    ; S0 = f
        quote 0                 ; A = ()
        svc thread_create
        quote 0
        push                    ; S0 = x
        quote 1000000
        push                    ; S0 = rounds left, S1 = x
.Lloop:
        getvar ping
        push                    ; S0 = ping
        acc 2                   ; A = x
        svc ev_send_sync        ; pops ping
        getvar pong
        svc ev_receive_sync     ; A = x + 1
        assign 1
        acc 0
        addimm -1
        assign 0
        acc 0
        branchif .Lloop
        acc 1
        svc print_int
        quote 10
        svc print_char
        pop 2
        halt

server:                         ; S0 = ()
        getvar ping
        svc ev_receive_sync     ; A = v
        addimm 1
        push
        getvar pong
        swap                    ; S0 = pong, A = v + 1
        svc ev_send_sync
        branch server
