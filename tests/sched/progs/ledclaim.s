; Claims led0, which blinky also claims: the pair is refused at load.
        .manifest name "other"
        .manifest device "led0"
        .global main
main:
        halt
