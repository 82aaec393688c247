; B4: l = [i mod 1000 for i < 1_000_000]; 5 times: sum (map (fun x -> x + 1) l) with a
; tail-recursive map (rev_map, then rev) = 500500000
        .manifest name "map"
        .manifest heap 16M
        .global main
main:
        call mklist, 0
        push                    ; S1 = l
        quote 5
        push                    ; S0 = rounds
        quote 0
        push                    ; S0 = result, S1 = rounds, S2 = l
.Lround:
        acc 1
        branchifnot .Lend
        quote 0
        push
        acc 3
        push
        call rev_map_succ, 2
        push
        quote 0
        swap
        push                    ; S0 = rev_map result, S1 = []
        call rev, 2
        push
        quote 0
        swap
        push                    ; S0 = mapped list, S1 = 0
        call sum, 2
        assign 0
        acc 1
        addimm -1
        assign 1
        branch .Lround
.Lend:
        acc 0
        svc print_int
        quote 10
        svc print_char
        halt

mklist:                         ; [i mod 1000 for i = 0 .. 999999]
        quote 0
        push                    ; S1 = acc
        quote 999999
        push                    ; S0 = i
.Lmk:
        quote 1000
        push
        acc 1
        modint
        push
        acc 2
        cons                    ; (i mod 1000) :: acc
        assign 1
        acc 0
        addimm -1
        assign 0
        quote 0
        push
        acc 1
        bge .Lmk
        acc 1
        return 2

rev_map_succ:                   ; l acc -> rev_map (fun x -> x + 1) l acc
        acc 0
        branchifnot .Lrd
        fst
        addimm 1
        push
        acc 2
        cons
        assign 1
        acc 0
        snd
        assign 0
        tailcall rev_map_succ, 2, 0
.Lrd:
        acc 1
        return 2

rev:                            ; l acc
        acc 0
        branchifnot .Lvd
        fst
        push
        acc 2
        cons
        assign 1
        acc 0
        snd
        assign 0
        tailcall rev, 2, 0
.Lvd:
        acc 1
        return 2

sum:                            ; l acc
        acc 0
        branchifnot .Lsd
        fst
        push
        acc 2
        addint
        assign 1
        acc 0
        snd
        assign 0
        tailcall sum, 2, 0
.Lsd:
        acc 1
        return 2
