; a service with no implementation yet
        .global main
main:
        quote 0
        svc thread_yield
        halt
