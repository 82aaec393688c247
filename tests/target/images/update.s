; update.s — the update image of the on-target tests (flashed separately, as Intel HEX at
; 0x00300000, then installed by the loader): prints one line and halts.
        .global main
        .manifest name "hello"
        .manifest heap 2K
        .manifest stack 1K
        .manifest contexts 1
main:
        const "Hello again, from the updated image\n"
        svc print_string
        quote 0
        halt
