let x = try 1 with Not_found -> "a"
