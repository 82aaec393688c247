(* Over-application: functions returning functions, applied to extra args at once. *)
let choose b = if b then (fun x y -> x + y) else (fun x y -> x * y)
let adder x = fun y -> fun z -> x + y + z
let make n = let base = n * 10 in fun a -> let m = base + a in fun b -> m * b
let id x = x
let () =
  Printf.printf "%d %d\n" (choose true 3 4) (choose false 3 4);
  Printf.printf "%d\n" (adder 1 2 3);
  Printf.printf "%d\n" (make 1 2 3);
  Printf.printf "%d\n" (id (fun x -> x + 1) 41);
  Printf.printf "%d\n" (id id id 5);
  let k x _ = x in
  Printf.printf "%d\n" (k (fun a -> a * 2) "ignored" 21);
  let f3 = fun a b c -> a * 100 + b * 10 + c in
  let g = f3 1 in
  Printf.printf "%d %d\n" (g 2 3) ((f3 4) 5 6);
  let apply f x = f x in
  Printf.printf "%d\n" (apply f3 7 8 9);
  let comp = List.fold_right (fun f acc -> fun x -> f (acc x)) [(fun x -> x + 1); (fun x -> x * 3)] (fun x -> x) in
  Printf.printf "%d\n" (comp 5)
