type p = { x : int; y : int }
let v = { x = 1 }
