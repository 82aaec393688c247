; string index out of bounds, uncaught
        .global main
main:
        quote 3
        push
        const "abc"
        strget
        halt
