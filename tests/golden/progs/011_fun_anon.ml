(* Anonymous functions with fun. *)
let apply f x = f x
let twice f x = f (f x)
let () =
  print_int (apply (fun x -> x * 3) 7); print_newline ();
  print_int (twice (fun x -> x + 5) 1); print_newline ();
  print_int ((fun x y -> x - y) 10 3); print_newline ();
  print_int ((fun (a, b) -> a * b) (6, 7)); print_newline ();
  let add = fun x -> fun y -> x + y in
  print_int (add 2 3); print_newline ();
  let k = fun _ -> 42 in
  print_int (k "ignored"); print_newline ();
  let u = fun () -> print_endline "called" in
  u (); u ();
  List.iter (fun s -> print_endline s) ["a"; "b"; "c"];
  print_int (List.fold_left (fun acc x -> acc * 10 + x) 0 [1; 2; 3; 4]); print_newline ()
