let name = function 0 -> "zero" | 1 -> "one" | 2 -> "two" | 3 -> "three" | 5 -> "five" | 7 -> "seven" | _ -> "other"
let () = for i = -2 to 9 do print_string (name i ^ " ") done; print_newline ()
let () = print_string (name max_int); print_string (name min_int); print_newline ()
let vowel c = match c with 'a' | 'e' | 'i' | 'o' | 'u' -> true | 'y' when false -> true | _ -> false
let () = String.iter (fun c -> print_string (if vowel c then "V" else "c")) "hello world yay"; print_newline ()
let g x = match x with -3 -> 1 | -2 -> 2 | -1 -> 3 | 0 -> 4 | 1 -> 5 | n -> n * 10
let () = for i = -5 to 3 do Printf.printf "%d " (g i) done; print_newline ()
