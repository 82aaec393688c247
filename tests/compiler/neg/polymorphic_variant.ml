let f x = `A x
