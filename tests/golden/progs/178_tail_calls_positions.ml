(* Calls in tail position run in constant stack wherever they appear: match arms, guards,
   the right operand of && and ||, after a sequence, under let, through closures. *)
let rec count_match n acc = match n with
  | 0 -> acc
  | n when n mod 2 = 0 -> count_match (n - 1) (acc + 2)
  | n -> count_match (n - 1) (acc + 1)
let rec ev n = n = 0 || od (n - 1)
and od n = n <> 0 && ev (n - 1)
let rec seq n = if n = 0 then "seq done" else (ignore (n + 1); seq (n - 1))
let rec with_let n = if n = 0 then 0 else let m = n - 1 in let k = m in with_let k
let rec apply_loop (f : int -> int) n = if n = 0 then f 0 else apply_loop f (n - 1)
let rec ho n (k : int -> int) = if n = 0 then k 0 else ho (n - 1) k
let rec via_closure n = let next = via_closure in if n = 0 then 7 else next (n - 1)
let rec pap_loop a b n = if n = 0 then a + b else (pap_loop a) b (n - 1)
let rec in_handler n = if n = 0 then 0 else (let r = try n with Not_found -> 0 in in_handler (r - 1))
let () =
  let n = 1_000_000 in
  Printf.printf "%d\n" (count_match n 0);
  Printf.printf "%b %b\n" (ev n) (od n);
  print_endline (seq n);
  Printf.printf "%d\n" (with_let n);
  Printf.printf "%d\n" (apply_loop (fun x -> x + 1) n);
  Printf.printf "%d\n" (ho n (fun x -> x + 2));
  Printf.printf "%d\n" (via_closure n);
  Printf.printf "%d\n" (pap_loop 1 2 n);
  Printf.printf "%d\n" (in_handler n);
  let rec local_loop i acc = if i > n then acc else local_loop (i + 1) ((acc + i) mod 1000) in
  Printf.printf "%d\n" (local_loop 1 0)
