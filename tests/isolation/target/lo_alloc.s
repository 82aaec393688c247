; Slice-buster for the target: a priority-1 container that fills its heap again and again:
; `Array.make 900 0` in a loop, the last array kept alive, with the 16 KB heap of
; bench/target/fw_latency.c (8 KB semispaces): each allocation fills 900 words and each
; collection copies a nearly full semispace. Fills and collections are charged as fuel.
        .manifest name "lat_lo"
        .manifest priority 1
        .global main
main:
        quote 0
        push                    ; S0 = the array kept alive
.Ll:
        quote 0
        push
        quote 900
        makearray               ; A = Array.make 900 0
        assign 0                ; keep it: the next collection copies it
        branch .Ll
