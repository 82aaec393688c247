let () = Printf.printf "%d %s\n" 1 2
