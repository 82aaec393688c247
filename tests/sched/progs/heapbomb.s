; Container A: keeps a growing list alive in a 4K heap until the heap is exhausted.
        .manifest name "a"
        .manifest priority 5
        .manifest heap 4K
        .global main
main:
        quote 0
.Ll:
        push
        quote 7
        swap
        cons                    ; 7 :: list... (S0, A) = (list, 7)? keeps growing either way
        branch .Ll
