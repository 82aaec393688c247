(* run: --stack 4K *)
(* Proper tail calls: 10^7 iterations and mutual recursion in a 4K stack. *)
let rec loop i acc = if i = 0 then acc else loop (i - 1) (acc + 1)
let rec even n = if n = 0 then true else odd (n - 1)
and odd n = if n = 0 then false else even (n - 1)
let apply f x = f x
let rec count n = if n = 0 then 0 else apply count (n - 1)
let () =
  Printf.printf "%d\n" (loop 10000000 0);
  Printf.printf "%b %b\n" (even 1000000) (odd 1000001);
  let rec ev n = if n = 0 then true else od (n - 1)
  and od n = if n = 0 then false else ev (n - 1) in
  Printf.printf "%b\n" (ev 1000001);
  let rec go i = match i with 0 -> "done" | _ -> go (i - 1) in
  print_endline (go 1000000);
  Printf.printf "%d\n" (count 1000000)
