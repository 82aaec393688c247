(* B2: tak 18 12 6, 7500 times, summed = 52500 *)
let rec tak x y z = if y < x then tak (tak (x - 1) y z) (tak (y - 1) z x) (tak (z - 1) x y) else z
let () =
  let s = ref 0 in
  for _ = 1 to 7500 do s := !s + tak 18 12 6 done;
  print_int !s; print_newline ()
