; floats: boxed IEEE doubles; arithmetic, conversions, comparisons, string_of_float
        .global main
main:
        const 2.25
        push
        const 1.5
        addfloat
        call prf, 0
        const 1.0
        push
        const 0.25
        subfloat
        call prf, 0
        const 4.0
        push
        const 1.5
        mulfloat
        call prf, 0
        const 3.0
        push
        const 1.0
        divfloat
        call prf, 0
        const 0.0
        push
        const 1.0
        divfloat
        call prf, 0
        const 0.0
        push
        const -1.0
        divfloat
        call prf, 0
        const 2.5
        push
        const 2.5
        eqfloat
        call pri, 0
        const nan
        push
        const nan
        eqfloat
        call pri, 0
        const 2.0
        push
        const 1.0
        ltfloat
        call pri, 0
        const 2.0
        push
        const 2.0
        ltfloat
        call pri, 0
        const 2.0
        push
        const 2.0
        lefloat
        call pri, 0
        const 1.0
        push
        const nan
        lefloat
        call pri, 0
        const 2.5
        negfloat
        call prf, 0
        quote 7
        floatofint
        call prf, 0
        quote -1073741824
        floatofint
        call prf, 0
        const -3.7
        intoffloat
        call pri, 0
        const 1e20
        call prf, 0
        const 123456789012.0
        call prf, 0
        const 0.1
        push
        const 0.2
        addfloat
        call prf, 0
        halt

prf:
        svc string_of_float
        svc print_string
        quote 10
        svc print_char
        return 0
pri:
        svc print_int
        quote 10
        svc print_char
        return 0
