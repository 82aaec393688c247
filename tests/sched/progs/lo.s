; A low-criticality busy loop (10,000,000 iterations, never yields), then a line.
        .manifest name "lo"
        .manifest priority 1
        .global main
main:
        quote 10000000
.Ll:
        addimm -1
        push
        quote 0
        swap                    ; A = n, S0 = 0
        bgt .Lk                 ; n > 0
        const "lo done\n"
        svc print_string
        halt
.Lk:
        branch .Ll
