; archive member: sub (nobody needs it)
        .global sub
sub:    const "sub"
        return 1
