; A drift-free periodic loop: led0 toggles every 500 ms on logical deadlines
; (sleep_until_ms t+500), 6 times.
        .manifest name "blinky"
        .manifest device "led0"
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
        addimm 500
        assign 2                ; t := t + 500
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
        halt
