; a function dropping more slots than its caller pushed: stack underflow at run time
        .global main
main:
        quote 1
        push
        quote 0
        call f, 1
        halt
f:
        return 4
