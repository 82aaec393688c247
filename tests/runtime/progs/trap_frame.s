; returning from inside a try block (no code generator does this)
        .global main
main:
        quote 0
        call f, 0
        halt
f:
        pushtrap .Lh
        return 3
.Lh:
        return 0
