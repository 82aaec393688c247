(* Tail-recursive loops with many iterations (constant stack). *)
(* golden: heap 384K *)
let rec loop i acc = if i = 0 then acc else loop (i - 1) ((acc + i) mod 1000000007 mod 1000000)
let rec count i = if i >= 1000000 then i else count (i + 1)
let () =
  Printf.printf "%d\n" (loop 1000000 0);
  Printf.printf "%d\n" (count 0);
  let rec gcd a b = if b = 0 then a else gcd b (a mod b) in
  Printf.printf "%d\n" (gcd 1071 462);
  let rec rev_acc l acc = match l with [] -> acc | x :: t -> rev_acc t (x :: acc) in
  Printf.printf "%d\n" (List.hd (rev_acc (List.init 10000 (fun i -> i)) []))
