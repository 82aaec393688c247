(* Binary search on a sorted array, and integer square root by bisection. *)
let bsearch a x =
  let rec go lo hi = if lo > hi then None else
    let mid = (lo + hi) / 2 in
    if a.(mid) = x then Some mid else if a.(mid) < x then go (mid + 1) hi else go lo (mid - 1) in
  go 0 (Array.length a - 1)
let isqrt n =
  let lo = ref 0 and hi = ref (min n 32767) in
  while !lo < !hi do
    let mid = (!lo + !hi + 1) / 2 in
    if mid * mid <= n then lo := mid else hi := mid - 1
  done;
  !lo
let () =
  let a = Array.init 100 (fun i -> i * 3) in
  List.iter (fun x -> match bsearch a x with
    | Some i -> Printf.printf "%d at %d\n" x i
    | None -> Printf.printf "%d absent\n" x) [0; 3; 150; 151; 297; 300; -3];
  List.iter (fun n -> Printf.printf "isqrt %d = %d\n" n (isqrt n)) [0; 1; 15; 16; 17; 1000000; 1073741823]
