; Slice-buster for the target: a priority-1 container that copies 900 words with
; Array.blit for ever (bulk copies are charged as fuel).
        .manifest name "lat_lo"
        .manifest priority 1
        .global main
main:
        quote 0
        push
        quote 900
        makearray               ; A = src
        push                    ; S0 = src
        quote 0
        push
        quote 900
        makearray               ; A = dst, S0 = src
        push                    ; S0 = dst, S1 = src
.Ll:
        acc 1
        push                    ; src
        quote 0
        push                    ; srcofs
        acc 2
        push                    ; dst
        quote 0
        push                    ; dstofs
        quote 900              ; len
        svc array_blit          ; pops 4
        branch .Ll
