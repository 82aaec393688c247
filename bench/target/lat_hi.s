; Interrupt-to-container latency, the woken context (bench/target/fw_latency.c): a
; high-criticality container that waits for button0's events and copies each to led0.
        .manifest name "lat_hi"
        .manifest priority 200
        .manifest device "button0"
        .manifest device "led0"
        .global main
main:
        const "button0"
        svc dev_event
        svc ev_sync             ; A = the level (a base event: no wrappers)
        push
        const "led0"
        swap                    ; A = level, S0 = "led0"
        svc dev_write
        branch main
