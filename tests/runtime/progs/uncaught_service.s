; a service raising Failure
        .global main
main:
        const "12x"
        svc int_of_string
        halt
