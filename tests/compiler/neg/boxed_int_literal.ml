let d = ref 0n
