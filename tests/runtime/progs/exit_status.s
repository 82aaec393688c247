; exit 3: the status reaches the shell and the output is flushed
        .global main
main:
        const "bye\n"
        svc print_string
        quote 3
        svc exit
        const "not reached\n"
        svc print_string
        halt
