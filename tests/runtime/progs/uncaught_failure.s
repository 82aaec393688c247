; Failure "boom" uncaught
        .global main
main:
        const "boom"
        push
        const "Failure"
        makeblock 248, 2
        raise
