; --trace: one line per instruction on stderr (context, pc, <symbol+offset>, mnemonic,
; operands); --stats adds the counters
        .global main
main:
        quote 7
        push
        call f, 1
        svc print_int
        halt
f:
        acc 0
        addimm 1
        return 1
