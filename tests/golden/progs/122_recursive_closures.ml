(* Local recursive closures referencing outer variables. *)
let count_matching p l =
  let rec go l acc = match l with [] -> acc | x :: t -> go t (if p x then acc + 1 else acc) in
  go l 0
let make_printer sep =
  let rec pr l = match l with
    | [] -> ()
    | [x] -> print_int x
    | x :: t -> print_int x; print_string sep; pr t in
  pr
let () =
  Printf.printf "%d\n" (count_matching (fun x -> x > 2) [1; 2; 3; 4; 5]);
  let threshold = 3 in
  Printf.printf "%d\n" (count_matching (fun x -> x mod threshold = 0) (List.init 30 (fun i -> i)));
  (make_printer ", ") [1; 2; 3]; print_newline ();
  (make_printer " <-> ") [4; 5]; print_newline ();
  let base = 7 in
  let rec fact_mod n = if n <= 1 then 1 else (n * fact_mod (n - 1)) mod (base * 1000) in
  Printf.printf "%d\n" (fact_mod 20);
  let rec even n = n = 0 || odd (n - 1) and odd n = n <> 0 && even (n - 1) in
  Printf.printf "%b %b\n" (even 10) (odd 7)
