; integer arithmetic and comparisons: 31-bit wrapping (OCaml on a 32-bit platform),
; truncated division, fused compare-and-branch. Generated once; edit freely.
        .global main
main:
        quote 1
        push
        quote 1073741823
        addint
        call pr, 0
        quote 10
        push
        quote 3
        subint
        call pr, 0
        quote 1
        push
        quote -1073741824
        subint
        call pr, 0
        quote 54321
        push
        quote 12345
        mulint
        call pr, 0
        quote 65536
        push
        quote 65536
        mulint
        call pr, 0
        quote 16384
        push
        quote 65536
        mulint
        call pr, 0
        quote 2
        push
        quote -7
        divint
        call pr, 0
        quote 2
        push
        quote -7
        modint
        call pr, 0
        quote -2
        push
        quote 7
        divint
        call pr, 0
        quote -2
        push
        quote 7
        modint
        call pr, 0
        quote -1
        push
        quote -1073741824
        divint
        call pr, 0
        quote -1
        push
        quote -1073741824
        modint
        call pr, 0
        quote 10
        push
        quote 12
        andint
        call pr, 0
        quote 10
        push
        quote 12
        orint
        call pr, 0
        quote 10
        push
        quote 12
        xorint
        call pr, 0
        quote 5
        push
        quote -1
        andint
        call pr, 0
        quote 3
        push
        quote 1
        lslint
        call pr, 0
        quote 1
        push
        quote 1073741823
        lslint
        call pr, 0
        quote 1
        push
        quote -1
        lsrint
        call pr, 0
        quote 1
        push
        quote -7
        asrint
        call pr, 0
        quote 30
        push
        quote -1
        lsrint
        call pr, 0
        quote 30
        push
        quote -1073741824
        asrint
        call pr, 0
        quote 2
        push
        quote 1
        eq
        call pr, 0
        quote 2
        push
        quote 2
        eq
        call pr, 0
        quote 2
        push
        quote 1
        ne
        call pr, 0
        quote 2
        push
        quote 2
        ne
        call pr, 0
        quote 2
        push
        quote 1
        lt
        call pr, 0
        quote 2
        push
        quote 2
        lt
        call pr, 0
        quote 2
        push
        quote -5
        lt
        call pr, 0
        quote 2
        push
        quote 2
        le
        call pr, 0
        quote 2
        push
        quote 3
        le
        call pr, 0
        quote 2
        push
        quote 3
        gt
        call pr, 0
        quote 2
        push
        quote 2
        gt
        call pr, 0
        quote 2
        push
        quote 2
        ge
        call pr, 0
        quote 2
        push
        quote 1
        ge
        call pr, 0
        quote 5
        negint
        call pr, 0
        quote -1073741824
        negint
        call pr, 0
        quote 0
        not
        call pr, 0
        quote 1
        not
        call pr, 0
        quote 40
        addimm 2
        call pr, 0
        quote 40
        addimm -50
        call pr, 0
        quote 1073741823
        addimm 1
        call pr, 0
        quote 2
        push
        quote 1
        beq .Lt1
        quote 0
        branch .Le1
.Lt1:
        quote 1
.Le1:
        call pr, 0
        quote 2
        push
        quote 2
        beq .Lt2
        quote 0
        branch .Le2
.Lt2:
        quote 1
.Le2:
        call pr, 0
        quote 2
        push
        quote 1
        bne .Lt3
        quote 0
        branch .Le3
.Lt3:
        quote 1
.Le3:
        call pr, 0
        quote 2
        push
        quote 2
        bne .Lt4
        quote 0
        branch .Le4
.Lt4:
        quote 1
.Le4:
        call pr, 0
        quote 2
        push
        quote 1
        blt .Lt5
        quote 0
        branch .Le5
.Lt5:
        quote 1
.Le5:
        call pr, 0
        quote 2
        push
        quote 2
        blt .Lt6
        quote 0
        branch .Le6
.Lt6:
        quote 1
.Le6:
        call pr, 0
        quote -2
        push
        quote -3
        blt .Lt7
        quote 0
        branch .Le7
.Lt7:
        quote 1
.Le7:
        call pr, 0
        quote 2
        push
        quote 2
        ble .Lt8
        quote 0
        branch .Le8
.Lt8:
        quote 1
.Le8:
        call pr, 0
        quote 2
        push
        quote 3
        ble .Lt9
        quote 0
        branch .Le9
.Lt9:
        quote 1
.Le9:
        call pr, 0
        quote 2
        push
        quote 3
        bgt .Lt10
        quote 0
        branch .Le10
.Lt10:
        quote 1
.Le10:
        call pr, 0
        quote 2
        push
        quote 2
        bgt .Lt11
        quote 0
        branch .Le11
.Lt11:
        quote 1
.Le11:
        call pr, 0
        quote -2
        push
        quote -1
        bgt .Lt12
        quote 0
        branch .Le12
.Lt12:
        quote 1
.Le12:
        call pr, 0
        quote 2
        push
        quote 2
        bge .Lt13
        quote 0
        branch .Le13
.Lt13:
        quote 1
.Le13:
        call pr, 0
        quote 2
        push
        quote 1
        bge .Lt14
        quote 0
        branch .Le14
.Lt14:
        quote 1
.Le14:
        call pr, 0
        quote 0
        branchif .Lbad
        quote 1
        branchifnot .Lbad
        quote 5
        branchif .Lok
.Lbad:
        quote 99
        call pr, 0
.Lok:
        quote 0
        branchifnot .Lok2
        branch .Lbad
.Lok2:
        quote 7
        call pr, 0
        halt

pr:
        svc print_int
        quote 10
        svc print_char
        return 0
