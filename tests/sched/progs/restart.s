; Fault policy `restart`: the container starts again after each fault, at most
; max_restarts (10) times, then it is stopped.
        .manifest policy restart
        .global main
main:
        const "start\n"
        svc print_string
        quote 0
        push
        quote 1
        divint
        halt
