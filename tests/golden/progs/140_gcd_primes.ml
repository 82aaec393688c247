(* Number theory: gcd, lcm, prime factorization, perfect numbers. *)
let rec gcd a b = if b = 0 then abs a else gcd b (a mod b)
let lcm a b = a / gcd a b * b
let factors n =
  let rec go n d acc = if n = 1 then List.rev acc else if d * d > n then List.rev (n :: acc)
    else if n mod d = 0 then go (n / d) d (d :: acc) else go n (d + 1) acc in
  go n 2 []
let is_perfect n = let s = ref 0 in for d = 1 to n - 1 do if n mod d = 0 then s := !s + d done; !s = n
let () =
  List.iter (fun (a, b) -> Printf.printf "gcd %d %d = %d, lcm = %d\n" a b (gcd a b) (lcm a b))
    [(12, 18); (17, 5); (100, 75); (0, 9); (-12, 8)];
  List.iter (fun n -> Printf.printf "%d = %s\n" n (String.concat " * " (List.map string_of_int (factors n))))
    [2; 12; 97; 360; 1001; 65536; 999999; 1073741823];
  for n = 2 to 2000 do if is_perfect n then Printf.printf "perfect %d\n" n done
