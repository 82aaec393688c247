; A trap right after a context switch inside the interpreter belongs to the context that
; trapped: main blocks receiving on c, so the worker runs in the same slice (switched to
; inside svm_run); it sends to main (main becomes runnable) and then reads a field of an
; integer: type_error in context 1, and the container stops before main prints.
        .manifest name "switchfault"
        .manifest contexts 2
        .var c
        .global main
main:
        quote 0
        svc chan_new
        setvar c
        cur worker, 1, 0
        push
        quote 0
        svc thread_create
        const "main waits\n"
        svc print_string
        getvar c
        svc ev_receive_sync     ; blocks: the worker runs
        svc print_int           ; not reached
        halt
worker:
        const "worker sends\n"
        svc print_string
        getvar c
        push
        quote 42
        svc ev_send_sync        ; S0 = c, A = 42: main becomes runnable
        const "worker traps\n"
        svc print_string
        quote 5
        field 0                 ; a field of an integer: type_error
        halt
