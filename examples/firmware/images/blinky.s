; blinky.s — the critical container of the firmware example: toggles led0 every 100 ms on
; logical deadlines (sleep_until_ms: no drift), 6 times, then says so.
        .manifest name "blinky"
        .manifest priority 2
        .manifest device "led0"
        .manifest heap 2K
        .manifest stack 1K
        .manifest contexts 1
        .global main
main:
        quote 0
        svc time_ms
        push                    ; S0 = t (baseline)
        quote 1
        push                    ; S0 = on, S1 = t
        quote 6
        push                    ; S0 = n, S1 = on, S2 = t
.Ll:
        const "led0"
        push
        acc 2                   ; A = on
        svc dev_write
        acc 1
        not
        assign 1                ; on := not on
        acc 2
        addimm 100
        assign 2                ; t := t + 100
        acc 2
        svc sleep_until_ms
        acc 0
        addimm -1
        assign 0
        quote 0
        push
        acc 1
        bgt .Ll
        pop 3
        const "blinky: done\n"
        svc print_string
        halt
