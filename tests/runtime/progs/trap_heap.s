; an ever-growing live list exhausts the heap: a trap, not a crash
        .global main
main:
        quote 0
.Lloop:
        push
        quote 1
        swap
        cons
        branch .Lloop
