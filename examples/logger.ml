(* logger.ml - the low-priority, chatty container of the two-container demo. It does
   busy work and prints a lot; it cannot delay the control container by more than one
   fuel slice.
   Link: sensec logger.ml -o logger.svm --name logger --priority 10 *)
let rec busy n acc = if n = 0 then acc else busy (n - 1) ((acc * 31 + n) land 0xFFFF)

let () =
  for i = 1 to 60 do
    let h = busy 300000 i in
    Printf.printf "logger: line %d (hash %d)\n" i h
  done;
  print_endline "logger: done"
