; entry: run each module's top-level code in order
        .text
        .global main
        .extern Bt.__init
main:
        quote 0
        call Bt.__init, 0
        halt
