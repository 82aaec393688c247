let x : string = 1
