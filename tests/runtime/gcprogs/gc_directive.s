; The collector chosen by the manifest (issue 17): `.manifest gc compact`. Prints 1 when
; the container runs (the collector is checked by test_gc_heap.py from --stats).
        .manifest gc compact
        .manifest heap 4K
        .global main
main:
        quote 1
        svc print_int
        halt
