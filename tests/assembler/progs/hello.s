; hello.s — the golden-image program: prints a greeting and counts to three.
        .text
        .global main
        .extern print_twice
        .var counter
        .manifest name "hello"
        .manifest heap 16K
        .manifest device "led0"
        .file "hello.ml"
        .line 1
main:
        const "Hello, world!\n"
        call print_twice, 0
        quote 0
        setvar counter
.Lloop:                         ; count to three
        getvar counter
        addimm 1
        setvar counter
        quote 3
        push
        getvar counter
        blt .Lloop
        const 2.5
        svc string_of_float
        svc print_string
        halt
never_called:
        const "unreachable"
        halt
