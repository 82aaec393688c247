; unbounded non-tail recursion traps with stack_overflow (checked before the write)
        .global main
main:
        quote 0
        push
        quote 0
        call f, 1
        halt
f:
        acc 0
        addimm 1
        push
        quote 0
        call f, 1
        return 1
