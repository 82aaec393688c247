(* Functions taking and returning functions. *)
let compose f g = fun x -> f (g x)
let rec iterate n f x = if n = 0 then x else iterate (n - 1) f (f x)
let rec repeat n f = if n = 0 then (fun x -> x) else compose f (repeat (n - 1) f)
let apply_n_times n f = repeat n f
let derivative f = fun x -> (f (x + 1) - f (x - 1)) / 2
let () =
  let inc x = x + 1 and dbl x = x * 2 in
  Printf.printf "%d %d\n" ((compose inc dbl) 5) ((compose dbl inc) 5);
  Printf.printf "%d\n" (iterate 10 dbl 1);
  Printf.printf "%d\n" ((repeat 5 inc) 0);
  Printf.printf "%d\n" (apply_n_times 3 (fun s -> s * s) 2);
  let sq x = x * x in
  List.iter (fun x -> Printf.printf "%d " (derivative sq x)) [0; 1; 2; 3; 10];
  print_newline ();
  let pipeline = List.fold_left compose (fun x -> x) [inc; dbl; inc; dbl] in
  Printf.printf "%d\n" (pipeline 1);
  let make_adders n = List.init n (fun i -> fun x -> x + i) in
  Printf.printf "%d\n" (List.fold_left (fun acc f -> f acc) 0 (make_adders 10));
  let twice f = compose f f in
  Printf.printf "%d\n" ((twice (twice (twice inc))) 0)
