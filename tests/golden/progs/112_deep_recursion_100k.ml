(* Non-tail recursion 100000 deep (no allocation), and 10000-deep non-tail list functions. *)
(* golden: heap 768K stack 2M *)
let rec sum n = if n = 0 then 0 else n mod 10 + sum (n - 1)
let rec depth n = if n = 0 then 0 else 1 + depth (n - 1)
let rec count_nodes l = match l with [] -> 0 | _ :: t -> 1 + count_nodes t
let () =
  Printf.printf "%d\n" (sum 100000);
  Printf.printf "%d\n" (depth 100000);
  let l = List.init 10000 (fun i -> i) in
  Printf.printf "%d\n" (count_nodes l);
  let m = List.map (fun x -> x * 2) l in
  Printf.printf "%d\n" (List.nth m 9999);
  Printf.printf "%d\n" (List.fold_right (fun x acc -> (x + acc) mod 1000003) l 0)
