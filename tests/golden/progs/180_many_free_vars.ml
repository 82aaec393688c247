(* Closures capturing many free variables, nested closures sharing captures. *)
let make a b c d e f g h i j =
  let k = a + b and l = c * d in
  fun x ->
    let inner y = a + b + c + d + e + f + g + h + i + j + k + l + x + y in
    (inner 1, fun z -> inner z * 2 + e - j)
let () =
  let c1 = make 1 2 3 4 5 6 7 8 9 10 in
  let c2 = make 10 9 8 7 6 5 4 3 2 1 in
  let (r1, g1) = c1 100 in
  let (r2, g2) = c2 200 in
  Printf.printf "%d %d %d %d\n" r1 r2 (g1 5) (g2 5);
  let vars = List.init 12 (fun i -> i * i) in
  let sum_closure = List.fold_left (fun acc v -> fun () -> acc () + v) (fun () -> 0) vars in
  Printf.printf "%d\n" (sum_closure ());
  let s1 = "alpha" and s2 = "beta" and l1 = [1; 2] and t1 = (3, "x") and o1 = Some 'q' in
  let show () = Printf.sprintf "%s %s %d %d %s %c" s1 s2 (List.length l1) (fst t1) (snd t1)
      (match o1 with Some ch -> ch | None -> '-') in
  print_endline (show ())
