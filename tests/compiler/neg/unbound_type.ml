let f (x : foo) = x
