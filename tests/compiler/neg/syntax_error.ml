let f x = x +
let g = )
