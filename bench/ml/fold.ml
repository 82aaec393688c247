(* B5: l = [i mod 1000 for i < 1_000_000]; p = ref (2, 1);
   10 times: fold_left (fun acc x -> let (a, b) = !p in acc + x * a + b) 0 l = 1000000000 *)
let mklist () =
  let rec go i acc = if i < 0 then acc else go (i - 1) ((i mod 1000) :: acc) in
  go 999_999 []
let rec fold_left f acc l = match l with [] -> acc | x :: t -> fold_left f (f acc x) t
let () =
  let l = mklist () in
  let p = ref (2, 1) in
  let f acc x = let (a, b) = !p in acc + x * a + b in
  let r = ref 0 in
  for _ = 1 to 10 do r := fold_left f 0 l done;
  print_int !r; print_newline ()
