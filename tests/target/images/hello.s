; hello.s — the on-target test image: prints one line and halts. Small on purpose: the
; "hello" container must run with at most 4 KB of heap + stack (docs/flash.md).
        .global main
        .manifest name "hello"
        .manifest heap 2K
        .manifest stack 1K
        .manifest contexts 1
main:
        const "Hello from Sense-VM on Cortex-M\n"
        svc print_string
        quote 0
        halt
