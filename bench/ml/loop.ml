(* B3: sum of i mod 7 over i < 10_000_000 with i mod 3 = 0 = 10000001 *)
let () =
  let s = ref 0 in
  for i = 0 to 9_999_999 do if i mod 3 = 0 then s := !s + i mod 7 done;
  print_int !s; print_newline ()
