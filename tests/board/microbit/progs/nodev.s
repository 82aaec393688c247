; nodev.s - an image that claims a device the micro:bit lacks ("servo0"): the scheduler
; must refuse it at load, and the other container must run.
        .global main
        .manifest name "nodev"
        .manifest device "servo0"
        .manifest heap 1K
        .manifest stack 512
        .manifest contexts 1
        .manifest channels 1
main:
        const "nodev must not run\n"
        svc print_string
        quote 0
        halt
