(* Ackermann function (small arguments) and Takeuchi. *)
let rec ack m n = if m = 0 then n + 1 else if n = 0 then ack (m - 1) 1 else ack (m - 1) (ack m (n - 1))
let rec tak x y z = if y < x then tak (tak (x - 1) y z) (tak (y - 1) z x) (tak (z - 1) x y) else z
let () =
  for m = 0 to 3 do
    for n = 0 to 4 do Printf.printf "ack(%d,%d)=%d " m n (ack m n) done;
    print_newline ()
  done;
  Printf.printf "tak %d\n" (tak 18 12 6)
