(* Mutually recursive functions with let rec ... and ... *)
let rec is_even n = if n = 0 then true else is_odd (n - 1)
and is_odd n = if n = 0 then false else is_even (n - 1)

let rec f n = if n <= 0 then 0 else n + g (n - 1)
and g n = if n <= 0 then 1 else n * f (n - 1)
and h n = f n + g n

let () =
  for i = 0 to 10 do
    Printf.printf "%d even=%b odd=%b\n" i (is_even i) (is_odd i)
  done;
  for i = 0 to 8 do
    Printf.printf "f %d = %d, g %d = %d, h %d = %d\n" i (f i) i (g i) i (h i)
  done;
  let rec ping n acc = if n = 0 then acc else pong (n - 1) ("i" ^ acc)
  and pong n acc = if n = 0 then acc else ping (n - 1) ("o" ^ acc) in
  print_endline (ping 9 "")
