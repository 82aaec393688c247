; sensevm-run --no-sched with an option only the container scheduler takes (before or
; after it): a usage error (2) that says so, and the program does not run
        .global main
main:
        const "must not run\n"
        svc print_string
        halt
