; a user exception with several arguments: ints in decimal, strings quoted with OCaml's
; escapes, floats as string_of_float, anything else as _
        .global main
main:
        const 2.5
        push
        quote 0
        makeblock 0, 1
        push
        const "a\"b\n\x01"
        push
        quote -3
        push
        const "Foo"
        makeblock 248, 5
        raise
