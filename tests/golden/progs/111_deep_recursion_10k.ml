(* Non-tail recursion 10000 deep. *)
(* golden: heap 384K *)
let rec sum n = if n = 0 then 0 else n + sum (n - 1)
let rec build n = if n = 0 then [] else n :: build (n - 1)
let rec len l = match l with [] -> 0 | _ :: t -> 1 + len t
let () =
  Printf.printf "%d\n" (sum 10000);
  let l = build 10000 in
  Printf.printf "%d %d\n" (len l) (List.hd l);
  let rec depth_str n = if n = 0 then "" else let s = depth_str (n - 1) in if n mod 1000 = 0 then s ^ "|" else s in
  print_endline (depth_str 10000)
