; A critical periodic task: every 10 ms (logical baseline) print the time, 5 times.
        .manifest name "hi"
        .manifest priority 200
        .global main
main:
        quote 0
        svc time_ms
        push                    ; S0 = t
        quote 5
        push                    ; S0 = n, S1 = t
.Ll:
        acc 1
        addimm 10
        assign 1
        acc 1
        svc sleep_until_ms
        const "hi "
        svc print_string
        quote 0
        svc time_ms
        svc print_int
        quote 10
        svc print_char
        acc 0
        addimm -1
        assign 0
        quote 0
        push
        acc 1
        bgt .Ll
        halt
