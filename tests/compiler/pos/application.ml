let adder a = fun b -> a + b
let mk n = if n > 0 then (fun x y -> x * y + n) else (fun x y -> x - y)
let over () = mk 1 2 3
let () = Printf.printf "%d %d %d\n" (adder 1 2) (over ()) (mk 0 5 3)
let () =
  let local a b = a * 10 + b in
  let p = local 4 in
  Printf.printf "%d %d\n" (p 2) (List.fold_left local 0 [1;2;3])
let rec tail_over n = if n = 0 then (fun x -> x) else tail_over (n - 1)
let () = Printf.printf "%d\n" (tail_over 100000 7)
let apply3 f = f 1 2 3
let () = Printf.printf "%d\n" (apply3 (fun a b c -> a + b + c))
let () = Printf.printf "%d\n" (apply3 (fun a -> fun b -> fun c -> a * b * c))
let () = Printf.printf "%d\n" (apply3 (fun a b -> fun c -> a - b - c))
