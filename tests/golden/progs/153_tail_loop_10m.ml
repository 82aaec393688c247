(* A 10^7-iteration tail-recursive loop (must run in constant stack). *)
let rec loop i acc = if i = 0 then acc else loop (i - 1) (acc lxor (i land 1023))
let rec ping n = if n = 0 then "ping" else pong (n - 1)
and pong n = if n = 0 then "pong" else ping (n - 1)
let () =
  Printf.printf "%d\n" (loop 10_000_000 0);
  print_endline (ping 3_000_001)
