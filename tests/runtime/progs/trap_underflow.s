; a function dropping more slots than its frame holds: refused by the loader (static
; stack check, issue 17), where it used to trap at run time
        .global main
main:
        quote 1
        push
        quote 0
        call f, 1
        halt
f:
        return 4
