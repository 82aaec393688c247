; archive member: add (needs twice from another member)
        .global add
        .extern twice
add:    call twice, 1
        return 1
