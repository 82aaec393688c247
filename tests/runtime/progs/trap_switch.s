; a switch on an integer outside its table
        .global main
main:
        quote 2
        switch 2, 0, .La, .La
.La:
        halt
