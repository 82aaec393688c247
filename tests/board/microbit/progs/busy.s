; busy.s - the micro:bit's low-criticality busy loop: 1,000,000 iterations that never
; yield, then a line (tests/sched/progs/lo.s with a tenth of its iterations: the
; Cortex-M0 model runs the interpreter at about a quarter of the mps2 boards' speed).
        .manifest name "lo"
        .manifest priority 1
        .global main
main:
        quote 1000000
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
