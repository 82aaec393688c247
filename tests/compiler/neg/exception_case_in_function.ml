let f = function 0 -> 1 | exception Exit -> 2
