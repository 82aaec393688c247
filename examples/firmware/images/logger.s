; logger.s — the low-criticality container of the firmware example: prints a numbered
; line every 150 ms, 4 times.
        .manifest name "logger"
        .manifest priority 1
        .manifest heap 2K
        .manifest stack 1K
        .manifest contexts 1
        .global main
main:
        quote 1
        push                    ; S0 = i
.Ll:
        const "logger: tick "
        svc print_string
        acc 0
        svc string_of_int
        svc print_string
        const "\n"
        svc print_string
        quote 150
        svc sleep_ms
        acc 0
        addimm 1
        assign 0
        quote 5
        push
        acc 1
        blt .Ll
        pop 1
        const "logger: done\n"
        svc print_string
        halt
