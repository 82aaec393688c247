let () = Printf.printf "[%-*S]\n" 6 "ab"
