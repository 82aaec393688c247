; archive member: twice
        .global twice
twice:  acc 0
        push
        addint
        return 1
