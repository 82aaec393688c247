let () =
  let fs = ref [] in
  for i = 1 to 3 do fs := (fun x -> x + i) :: !fs done;
  List.iter (fun f -> Printf.printf "%d " (f 10)) !fs; print_newline ()
let make_counter () = let n = ref 0 in (fun () -> incr n; !n), (fun () -> n := 0)
let () = let (inc, reset) = make_counter () in ignore (inc ()); ignore (inc ()); Printf.printf "%d\n" (inc ()); reset (); Printf.printf "%d\n" (inc ())
let add3 a b c = a + b + c
let () = let f = add3 1 in let g = f 2 in Printf.printf "%d %d\n" (g 3) (f 5 6)
let curry f x y = f (x, y)
let uncurry f (x, y) = f x y
let () = Printf.printf "%d\n" (curry (fun (a, b) -> a * b) 6 7 + uncurry (+) (1, 2))
let id x = x
let () = Printf.printf "%d %s\n" (id id 5) (id "s")
let twice f = fun x -> f (f x)
let () = Printf.printf "%d\n" (twice twice (fun x -> x + 1) 0)
let () =
  let k = 3 in
  let rec walk n acc = if n = 0 then acc else walk (n - 1) (acc + k) in
  let rec a n = if n <= 0 then 0 else 1 + b (n - 1)
  and b n = if n <= 0 then 0 else k + a (n - 1) in
  Printf.printf "%d %d\n" (walk 5 0) (a 5);
  let g = walk 2 in Printf.printf "%d\n" (g 100)
let rec map_k f l k = match l with [] -> k [] | x :: t -> map_k f t (fun r -> k (f x :: r))
let () = print_endline (String.concat "," (map_k string_of_int [1;2;3] (fun x -> x)))
let compose = List.fold_left (fun acc f -> fun x -> f (acc x)) (fun x -> x)
let () = Printf.printf "%d\n" (compose [(fun x -> x + 1); (fun x -> x * 2); (fun x -> x - 3)] 5)
let rec fact n = if n <= 1 then 1 else n * fact (n - 1)
let () = Printf.printf "%d\n" (fact 12)
let (a, b) = (1, 2)
let () = Printf.printf "%d %d\n" a b
let [x; y] = [7; 8]
let () = Printf.printf "%d %d\n" x y
let swap (a, b) = (b, a)
let () = let (p, q) = swap (1, "one") in Printf.printf "%s %d\n" p q
let () = let r = ref 0 in while !r < 5 do r := !r + 2 done; Printf.printf "%d\n" !r
let () = for i = 10 downto 8 do Printf.printf "%d " i done; for i = 1 to 0 do print_int i done; print_newline ()
