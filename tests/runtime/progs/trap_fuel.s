; an endless loop stopped by --max-steps
        .global main
main:
        nop
.L:
        branch .L
