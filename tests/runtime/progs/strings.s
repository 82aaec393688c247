; arrays, strings and bytes: makearray, arrayn, arrayget, arrayset, arraylen, strlen,
; strget, bytesset, bytesmake, strcat (constant and heap strings)
        .global main
main:
        quote 7
        push
        quote 4
        makearray               ; [|7;7;7;7|]
        push                    ; S0 = a
        arraylen
        call pr, 0              ; 4
        quote 9
        push
        quote 2
        push
        acc 2
        arrayset                ; a.(2) <- 9
        call pr, 0              ; 0
        quote 2
        push
        acc 1
        arrayget
        call pr, 0              ; 9
        quote 3
        push
        acc 1
        arrayget
        call pr, 0              ; 7
        pop 1
        quote 30
        push
        quote 20
        push
        quote 10
        arrayn 3                ; [|10;20;30|]
        push
        quote 1
        swap
        arrayget
        call pr, 0              ; 20
        ; strings
        const "hello"
        strlen
        call pr, 0              ; 5
        quote 1
        push
        const "hello"
        strget
        call pr, 0              ; 101
        const " world"
        push
        const "hello"
        strcat
        push
        call ps, 0              ; hello world
        acc 0
        strlen
        call pr, 0              ; 11
        pop 1
        ; bytes
        quote 97
        push
        quote 3
        bytesmake               ; "aaa"
        push
        quote 98
        push
        quote 1
        push
        acc 2
        bytesset                ; "aba"
        acc 0
        call ps, 0              ; aba
        const "!"
        push
        acc 1
        strcat
        call ps, 0              ; aba!
        ; an empty array and an empty string
        quote 0
        push
        quote 0
        makearray
        arraylen
        call pr, 0              ; 0
        const ""
        push
        const ""
        strcat
        strlen
        call pr, 0              ; 0
        halt
ps:
        svc print_string
        quote 10
        svc print_char
        return 0
pr:
        svc print_int
        quote 10
        svc print_char
        return 0
