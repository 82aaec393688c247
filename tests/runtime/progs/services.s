; runtime services (services.def 0x00..0x31) with OCaml's semantics
        .global main
main:
        quote -42
        svc string_of_int
        call ps, 0              ; -42
        const "0x1F"
        svc int_of_string
        call pr, 0              ; 31
        const "-1_000"
        svc int_of_string
        call pr, 0              ; -1000
        pushtrap .Lh1
        const "99999999999"
        svc int_of_string
        branch .Lbad
.Lh1:
        snd
        call ps, 0              ; int_of_string
        const "2.5e3"
        svc float_of_string
        svc string_of_float
        call ps, 0              ; 2500.
        pushtrap .Lh2
        const "2.5x"
        svc float_of_string
        branch .Lbad
.Lh2:
        snd
        call ps, 0              ; float_of_string
        const "%-5d"
        push
        quote 42
        svc format_int
        call psb, 0             ; [42   ]
        const "%08.3f"
        push
        const 3.14159
        svc format_float
        call psb, 0             ; [0003.142]
        const "%6s"
        push
        const "ab"
        svc format_string
        call psb, 0             ; [    ab]
        const "%x"
        push
        quote 255
        svc format_int
        call ps, 0              ; ff
        ; string_sub "hello world" 6 5
        const "hello world"
        push
        quote 6
        push
        quote 5
        svc string_sub
        call ps, 0              ; world
        pushtrap .Lh3
        const "abc"
        push
        quote 2
        push
        quote 5
        svc string_sub
        branch .Lbad
.Lh3:
        snd
        call ps, 0              ; String.sub / Bytes.sub
        ; bytes_create, bytes_blit, bytes_to_string, string_to_bytes
        quote 5
        svc bytes_create        ; 5 zero bytes
        push                    ; S0 = b
        const "xyz"
        push
        quote 0
        push
        acc 2
        push
        quote 1
        push
        quote 3
        svc bytes_blit          ; blit "xyz" 0 b 1 3
        acc 0
        svc bytes_to_string
        push
        quote 1
        push
        quote 3
        svc string_sub
        call ps, 0              ; xyz
        acc 0
        strlen
        call pr, 0              ; 5
        pop 1
        const "q"
        svc string_to_bytes
        call ps, 0              ; q
        ; string_equal, string_compare
        const "abc"
        push
        const "abc"
        svc string_equal
        call pr, 0              ; 1
        const "abc"
        push
        const "abd"
        svc string_compare
        call pr, 0              ; -1
        const "b"
        push
        const "abc"
        svc string_compare
        call pr, 0              ; 1
        ; array_sub, array_blit
        quote 4
        push
        quote 3
        push
        quote 2
        push
        quote 1
        arrayn 4                ; [|1;2;3;4|]
        push                    ; S0 = a
        push                    ; the argument copy
        quote 1
        push
        quote 2
        svc array_sub           ; [|2;3|]
        push                    ; S0 = s, S1 = a
        acc 0
        push
        quote 0
        push
        acc 3
        push
        quote 0
        push
        quote 2
        svc array_blit          ; a.(0..1) <- s
        quote 1
        push
        acc 2
        arrayget
        call pr, 0              ; 3
        pop 2
        ; hash is structural: equal strings hash alike
        const "key"
        svc hash
        push
        const "y"
        push
        const "ke"
        strcat                  ; a heap string "key"
        svc hash
        eq
        call pr, 0              ; 1
        ; float math
        const 2.0
        svc float_sqrt
        svc string_of_float
        call ps, 0              ; 1.41421356237
        const 2.0
        push
        const 10.0
        svc float_pow
        svc string_of_float
        call ps, 0              ; 1024.
        const -2.5
        svc float_floor
        svc string_of_float
        call ps, 0              ; -3.
        const -2.5
        svc float_ceil
        svc string_of_float
        call ps, 0              ; -2.
        const -2.5
        svc float_abs
        svc string_of_float
        call ps, 0              ; 2.5
        const 1.0
        svc float_exp
        svc float_log
        svc string_of_float
        call ps, 0              ; 1.
        const 0.0
        svc float_sin
        push
        const 0.0
        svc float_cos
        addfloat
        svc string_of_float
        call ps, 0              ; 1.
        const 7.5
        push
        const 2.0
        svc float_mod
        svc string_of_float
        call ps, 0              ; 1.5
        ; argv
        quote 0
        svc argv
        push
        arraylen
        call pr, 0              ; 3
        quote 2
        push
        acc 1
        arrayget
        call ps, 0              ; two
        pop 1
        const "to stderr\n"
        svc print_err
        quote 0
        svc flush
        halt
.Lbad:
        const "BAD"
        call ps, 0
        halt
ps:
        svc print_string
        quote 10
        svc print_char
        return 0
psb:
        push
        quote 91
        svc print_char
        acc 0
        svc print_string
        quote 93
        svc print_char
        quote 10
        svc print_char
        return 1
pr:
        svc print_int
        quote 10
        svc print_char
        return 0
