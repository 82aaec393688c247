(* Mutually recursive tail calls run in constant stack. *)
let rec even n = if n = 0 then true else odd (n - 1)
and odd n = if n = 0 then false else even (n - 1)
let rec a n acc = if n = 0 then acc else b (n - 1) (acc + 1)
and b n acc = if n = 0 then acc else c (n - 1) (acc + 2)
and c n acc = if n = 0 then acc else a (n - 1) (acc + 3)
let () =
  Printf.printf "%b %b\n" (even 1000000) (odd 1000001);
  Printf.printf "%b\n" (even 777777);
  Printf.printf "%d\n" (a 900000 0)
