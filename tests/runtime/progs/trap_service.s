; a service this VM has no implementation for: the bare VM (--no-sched) leaves
; the thread/channel/time services to a scheduler
        .global main
main:
        quote 0
        svc thread_yield
        halt
