(* B4: l = [i mod 1000 for i < 1_000_000]; 5 times: sum (map succ l), map tail-recursive
   (rev_map, then rev) = 500500000 *)
let mklist () =
  let rec go i acc = if i < 0 then acc else go (i - 1) ((i mod 1000) :: acc) in
  go 999_999 []
let rec rev_map_succ l acc = match l with [] -> acc | x :: t -> rev_map_succ t ((x + 1) :: acc)
let rec rev l acc = match l with [] -> acc | x :: t -> rev t (x :: acc)
let rec sum l acc = match l with [] -> acc | x :: t -> sum t (acc + x)
let () =
  let l = mklist () in
  let r = ref 0 in
  for _ = 1 to 5 do r := sum (rev (rev_map_succ l []) []) 0 done;
  print_int !r; print_newline ()
