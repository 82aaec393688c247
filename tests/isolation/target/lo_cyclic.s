; Slice-buster for the target (docs/concurrency.md, the time bound on QEMU): a priority-1
; container that compares two cyclic values for ever (`a = b`, a = [0; a], b = [0; b]).
; Each comparison is resumable and charged as fuel, so it is cut like any loop.
        .manifest name "lat_lo"
        .manifest priority 1
        .global main
main:
        quote 1
        push
        quote 0
        makeblock 0, 2          ; A = a = [0; 1]
        push
        push                    ; S0 = a, S1 = a
        setfield 1              ; a.1 := a            S0 = a
        quote 1
        push
        quote 0
        makeblock 0, 2          ; A = b
        push
        push
        setfield 1              ; b.1 := b            S0 = b, S1 = a
.Ll:
        acc 0
        push                    ; S0 = b, S1 = b, S2 = a
        acc 2                   ; A = a
        polyeq                  ; a = b: never ends; pops b
        branch .Ll
