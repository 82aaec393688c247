; Sense.sleep_ms for an hour finishes at once in virtual time; time_ms follows.
        .global main
main:
        quote 3600000
        svc sleep_ms
        quote 0
        svc time_ms
        svc print_int           ; 3600000
        quote 10
        svc print_char
        quote 250000
        svc sleep_us
        quote 0
        svc time_ms
        svc print_int           ; 3600250
        quote 10
        svc print_char
        halt
