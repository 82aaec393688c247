; sensevm-run --no-sched (or --trace, --verify-key) with an option only the container
; scheduler takes: a usage error (126) that says so, and the program does not run
        .global main
main:
        const "must not run\n"
        svc print_string
        halt
