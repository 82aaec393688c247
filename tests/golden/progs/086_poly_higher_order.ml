(* Higher-order polymorphic combinators. *)
let rec map f l = match l with [] -> [] | x :: t -> let y = f x in y :: map f t
let rec filter p l = match l with [] -> [] | x :: t -> if p x then x :: filter p t else filter p t
let rec fold_left f acc l = match l with [] -> acc | x :: t -> fold_left f (f acc x) t
let rec fold_right f l acc = match l with [] -> acc | x :: t -> f x (fold_right f t acc)
let rec zip a b = match a, b with x :: xs, y :: ys -> (x, y) :: zip xs ys | _ -> []
let rec unfold f seed = match f seed with None -> [] | Some (x, s) -> x :: unfold f s
let curry f x y = f (x, y)
let uncurry f (x, y) = f x y
let () =
  let l = [1; 2; 3; 4; 5; 6] in
  print_endline (String.concat " " (map string_of_int (filter (fun x -> x mod 2 = 0) l)));
  print_int (fold_left ( + ) 0 l); print_newline ();
  print_endline (fold_right (fun x acc -> string_of_int x ^ acc) l "");
  List.iter (fun (a, b) -> Printf.printf "%d-%s " a b) (zip l ["a"; "b"; "c"]);
  print_newline ();
  print_endline (String.concat "," (map string_of_int (unfold (fun n -> if n > 100 then None else Some (n, n * 3)) 1)));
  print_int (curry (fun (a, b) -> a * b) 6 7); print_newline ();
  print_int (uncurry ( + ) (20, 22)); print_newline ();
  let fs = map (fun n -> fun x -> x + n) [1; 10; 100] in
  print_endline (String.concat " " (map (fun f -> string_of_int (f 5)) fs));
  let compose_all fs = fold_left (fun acc f -> fun x -> f (acc x)) (fun x -> x) fs in
  print_int (compose_all [(fun x -> x + 1); (fun x -> x * 2); (fun x -> x - 3)] 10); print_newline ()
