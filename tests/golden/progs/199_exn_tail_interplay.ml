(* A call inside a try body is not a tail call: every level keeps its handler. Calls after
   the handler (outside the try) are tail calls again. *)
exception X of int
let rec innermost n = try if n = 0 then raise (X 0) else innermost (n - 1) with X k -> n + k
let rec bump n = try if n = 0 then raise (X 0) else bump (n - 1) with X k when k < 3 -> raise (X (k + 1))
let catch g x = try g x with Not_found -> -1
let rec dive n = if n = 0 then raise Not_found else dive (n - 1)
let add a b c = a + b + c
let rec count n acc = if n = 0 then acc
  else count (n - 1) (try if n mod 1000 = 0 then raise Not_found else acc + 1 with Not_found -> acc)
let () =
  Printf.printf "%d\n" (innermost 5);
  (try ignore (bump 10) with X k -> Printf.printf "bumped to %d\n" k);
  Printf.printf "%d\n" (catch dive 100000);
  Printf.printf "%d\n" (try (add 1) 2 (raise Not_found) with Not_found -> 0);
  let p = try add 1 with Not_found -> add 0 in
  Printf.printf "%d\n" (p 2 3);
  Printf.printf "%d\n" (count 1000000 0);
  let handlers = ref 0 in
  let rec deep n = if n = 0 then 0 else (try 1 + deep (n - 1) with X _ -> incr handlers; 0) in
  Printf.printf "%d %d\n" (deep 50000) !handlers
