; Thread.create with a closure of arity 1, with a partial application that the argument
; completes (PAP), and with one that it does not complete (f x is then a partial
; application: nothing runs). Cooperative FIFO order: the threads run at main's yield.
        .manifest contexts 4
        .global main
main:
        cur t1, 1, 0
        push
        quote 10
        svc thread_create       ; t1 10
        quote 1
        push
        cur t2, 2, 0
        app 1                   ; A = t2 1 (a PAP)
        push
        quote 20
        svc thread_create       ; t2 1 20
        cur t2, 2, 0
        push
        quote 30
        svc thread_create       ; t2 30: partial, ends at once
        svc print_int           ; its thread id: 3
        quote 10
        svc print_char
        quote 0
        svc thread_yield
        const "main\n"
        svc print_string
        halt
t1:                             ; S0 = x
        const "t1 "
        svc print_string
        acc 0
        svc print_int
        quote 10
        svc print_char
        quote 0
        return 1
t2:                             ; S0 = a, S1 = b
        const "t2 "
        svc print_string
        acc 0
        svc print_int
        quote 32
        svc print_char
        acc 1
        svc print_int
        quote 10
        svc print_char
        quote 0
        return 2
