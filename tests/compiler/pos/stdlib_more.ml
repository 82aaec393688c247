let () = Printf.printf "%s %s %d %b\n" (Int.to_string 42) (Bool.to_string true) (Int.abs (-3)) (String.starts_with ~prefix:"ab" "abc")
let () = Printf.printf "%b %b %d\n" (String.ends_with ~suffix:"bc" "abc") (String.exists (fun c -> c = 'z') "abc") (Int.max 3 9)
let () = print_endline (Fun.id "id"); Printf.printf "%d\n" (List.length (List.filter (Fun.negate (fun x -> x > 2)) [1;2;3;4]))
let () = Printf.printf "%d\n" (String.fold_left (fun acc c -> acc + Char.code c) 0 "abc")
