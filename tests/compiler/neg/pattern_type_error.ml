let f x = match x with 1 -> "one" | "two" -> "two" | _ -> "many"
