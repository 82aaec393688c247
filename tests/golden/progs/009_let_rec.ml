(* Simple recursive functions. *)
let rec fact n = if n <= 1 then 1 else n * fact (n - 1)
let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)
let rec sum_to n = if n = 0 then 0 else n + sum_to (n - 1)
let rec pow b e = if e = 0 then 1 else b * pow b (e - 1)
let () =
  for i = 0 to 12 do
    Printf.printf "fact %d = %d\n" i (fact i)
  done;
  for i = 0 to 20 do
    Printf.printf "fib %d = %d\n" i (fib i)
  done;
  print_int (sum_to 1000); print_newline ();
  print_int (pow 2 29); print_newline ();
  print_int (pow 3 10); print_newline ();
  let rec count_down n = if n > 0 then (print_int n; print_char ' '; count_down (n - 1)) in
  count_down 10; print_newline ()
