; Writing to a device the manifest does not claim traps (device_not_claimed).
        .manifest device "led0"
        .global main
main:
        const "led1"
        push
        quote 1
        svc dev_write
        halt
