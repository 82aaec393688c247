; a 1M-iteration tail-recursive loop (tailcall and tailapp) runs in constant stack: the
; stack is only 1 KB
        .global main
main:
        quote 0
        push
        quote 1000000
        push
        quote 0
        call loop, 2            ; sum of i mod 7 for i = 1..1000000
        svc print_int
        quote 10
        svc print_char
        quote 0
        push
        quote 1000000
        push
        cur cloop, 2, 0
        app 2                   ; the same through a closure and tailapp
        svc print_int
        quote 10
        svc print_char
        halt
loop:                           ; n acc
        acc 0
        branchifnot .Ld
        quote 7
        push
        acc 1
        modint
        push
        acc 2
        addint
        push
        acc 1
        addimm -1
        push
        quote 0
        tailcall loop, 2, 2
.Ld:
        acc 1
        return 2
cloop:                          ; n acc, self-applied through getenv
        acc 0
        branchifnot .Lcd
        quote 7
        push
        acc 1
        modint
        push
        acc 2
        addint
        push
        acc 1
        addimm -1
        push
        getenv
        tailapp 2, 2
.Lcd:
        acc 1
        return 2
