(* Nested loops: multiplication table and triangle. *)
let () =
  for i = 1 to 9 do
    for j = 1 to 9 do
      Printf.printf "%3d" (i * j)
    done;
    print_newline ()
  done;
  for i = 1 to 5 do
    for _ = 1 to 5 - i do print_char ' ' done;
    for _ = 1 to 2 * i - 1 do print_char '*' done;
    print_newline ()
  done;
  let count = ref 0 in
  let i = ref 0 in
  while !i < 20 do
    for j = 0 to !i do
      if (!i + j) mod 7 = 0 then incr count
    done;
    incr i
  done;
  Printf.printf "count=%d\n" !count
