let () = Printf.printf "%#F\n" 2.5
