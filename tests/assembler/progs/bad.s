main:
        quote 10
        pushh
        acc 300
        branch nowhere
