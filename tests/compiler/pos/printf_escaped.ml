let () = Printf.printf "%S %S %C %C|\n" "a\"b\\c\n\tz\001" "plain" 'x' '\''
let () = print_endline (String.escaped "tab\there")
let () = print_endline (Printf.sprintf "%S" "q")
