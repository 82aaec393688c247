; A chatty low-criticality logger: sends 20 messages (i, " msg\n") on the inter-container
; channel "log" as fast as it can, never blocking (xsend returns false when dropped).
        .manifest name "logger"
        .manifest priority 1
        .manifest xchan "log:send"   ; inter-container channel
        .global main
main:
        quote 0
        push                    ; S0 = i
.Ll:
        const "log"
        push                    ; S0 = "log", S1 = i
        const " msg\n"
        push                    ; S0 = " msg\n", S1 = "log", S2 = i
        acc 2
        makeblock 0, 2          ; A = (i, " msg\n")
        svc xchan_send          ; A = delivered?
        acc 0
        addimm 1
        assign 0
        quote 20
        push
        acc 1
        blt .Ll
        const "logger done\n"
        svc print_string
        halt
