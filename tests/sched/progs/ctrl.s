; The critical receiver: takes 3 messages from "log" (each copy arrives in its own heap),
; prints them and ends; later sends are dropped and counted, never blocking the logger.
        .manifest name "ctrl"
        .manifest priority 200
        .manifest xchan "log:recv:2:drop"   ; inter-container channel
        .global main
main:
        quote 3
        push                    ; S0 = n
.Ll:
        const "log"
        svc xchan_receive
        svc ev_sync             ; A = v (a base event: no wrappers)
        push                    ; S0 = (i, s)
        fst
        svc print_int
        acc 0
        snd
        svc print_string
        pop 1
        acc 0
        addimm -1
        assign 0
        quote 0
        push
        acc 1
        bgt .Ll
        halt
