; Button -> LED: every button0 interrupt arrives as an event and is copied to led0.
; When the input script is exhausted nothing can happen any more: the run ends (rc 0).
        .manifest device "button0"
        .manifest device "led0"
        .global main
main:
        const "button0"
        svc dev_event
        svc ev_sync             ; A = v (a base event: no wrappers)
        push                    ; S0 = v
        const "led0"
        swap                    ; A = v, S0 = "led0"
        svc dev_write
        branch main
