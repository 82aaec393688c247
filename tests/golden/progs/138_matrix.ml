(* Matrix multiplication and transpose with arrays of arrays. *)
let mat_mul a b =
  let n = Array.length a and m = Array.length b.(0) and k = Array.length b in
  Array.init n (fun i -> Array.init m (fun j ->
    let s = ref 0 in for x = 0 to k - 1 do s := !s + a.(i).(x) * b.(x).(j) done; !s))
let transpose a = Array.init (Array.length a.(0)) (fun j -> Array.init (Array.length a) (fun i -> a.(i).(j)))
let print m = Array.iter (fun row -> Array.iter (fun x -> Printf.printf "%5d" x) row; print_newline ()) m
let identity n = Array.init n (fun i -> Array.init n (fun j -> if i = j then 1 else 0))
let rec power m n = if n = 0 then identity (Array.length m) else mat_mul m (power m (n - 1))
let () =
  let a = [| [| 1; 2; 3 |]; [| 4; 5; 6 |] |] in
  let b = [| [| 7; 8 |]; [| 9; 10 |]; [| 11; 12 |] |] in
  print (mat_mul a b);
  print (transpose a);
  print (mat_mul (transpose a) a);
  let fibm = [| [| 1; 1 |]; [| 1; 0 |] |] in
  print (power fibm 30);
  Printf.printf "%b\n" (mat_mul (identity 2) (transpose b) = transpose b)
