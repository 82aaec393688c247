; The progress monitor: heartbeat 10 ms, policy log. 35 ms asleep without progress are
; flagged 3 times (monitor_count); then reporting progress every 5 ms keeps it at 3.
        .manifest heartbeat 10
        .manifest policy log
        .global main
main:
        quote 35
        svc sleep_ms
        quote 0
        svc monitor_count
        svc print_int           ; 3
        quote 10
        svc print_char
        quote 10
        push                    ; S0 = n
.Ll:
        quote 0
        svc progress
        quote 5
        svc sleep_ms
        acc 0
        addimm -1
        assign 0
        quote 0
        push
        acc 1
        bgt .Ll
        quote 0
        svc monitor_count
        svc print_int           ; 3
        quote 10
        svc print_char
        halt
