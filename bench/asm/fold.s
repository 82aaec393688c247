; B5: l = [i mod 1000 for i < 1_000_000]; p = ref (2, 1);
; 10 times: fold_left (fun acc x -> let (a, b) = !p in acc + x * a + b) 0 l = 1000000000
        .manifest name "fold"
        .manifest heap 16M
        .global main
main:
        call mklist, 0
        push                    ; S0 = l
        quote 1
        push
        quote 2
        makeblock 0, 2          ; (2, 1)
        makeblock 0, 1          ; ref (2, 1)
        cur .Lf, 2, 1           ; f captures p
        push                    ; S0 = f, S1 = l
        quote 10
        push                    ; S0 = rounds
        quote 0
        push                    ; S0 = result, S1 = rounds, S2 = f, S3 = l
.Lround:
        acc 1
        branchifnot .Lend
        acc 3
        push
        quote 0
        push
        acc 4
        push                    ; f 0 l
        call fold_left, 3
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

.Lf:                            ; acc x -> let (a, b) = !p in acc + x * a + b
        envacc 0
        fst
        push                    ; S0 = (a, b), S1 = acc, S2 = x
        fst
        push
        acc 3
        mulint                  ; x * a
        push
        acc 2
        addint                  ; acc + x * a
        push
        acc 1
        snd
        addint                  ; + b
        return 3

fold_left:                      ; f acc l
        acc 2
        branchifnot .Lfd        ; A is still l
        fst
        push
        acc 2
        push
        acc 2
        app 2                   ; f acc (hd l)
        assign 1
        acc 2
        snd
        assign 2
        tailcall fold_left, 3, 0
.Lfd:
        acc 1
        return 3

mklist:                         ; [i mod 1000 for i = 0 .. 999999]
        quote 0
        push
        quote 999999
        push
.Lmk:
        quote 1000
        push
        acc 1
        modint
        push
        acc 2
        cons
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
