(* Regression: a failed guard on an or-pattern goes on with the next clause; the other
   alternatives of the same or-pattern are not retried (the guard runs once). *)
let calls = ref 0
let g x = incr calls; x = 1
let f p = match p with (1, x) | (x, 7) when g x -> "A" | _ -> "B"
let () =
  List.iter (fun p -> print_string (f p ^ " ")) [(1, 7); (2, 7); (1, 1); (1, 5); (3, 3)];
  Printf.printf "\n%d\n" !calls
