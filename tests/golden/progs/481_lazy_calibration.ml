(* Lazy values for calibration data computed on first use, a memoised Fibonacci table of
   lazies, Lazy.map, and a computation that raises on every force *)
let computed = ref 0

let calibration =
  lazy
    (incr computed;
     print_endline "computing calibration";
     Array.init 8 (fun i -> 1000 + (i * i * 3)))

let correct raw = raw * (Lazy.force calibration).(raw land 7) / 1000

let fibs = Array.make 60 (lazy 0)
let () =
  for i = 0 to 59 do
    fibs.(i) <- (if i < 2 then lazy i else lazy ((Lazy.force fibs.(i - 1) + Lazy.force fibs.(i - 2)) mod 1_000_000))
  done

let broken = lazy (failwith "sensor missing")

let () =
  Printf.printf "forced? %b\n" (Lazy.is_val calibration);
  Printf.printf "%d %d %d\n" (correct 100) (correct 7) (correct 1234);
  Printf.printf "forced? %b, computed %d time(s)\n" (Lazy.is_val calibration) !computed;
  Printf.printf "fib 40 mod 10^6 = %d, fib 59 mod 10^6 = %d\n" (Lazy.force fibs.(40)) (Lazy.force fibs.(59));
  let doubled = Lazy.map (fun a -> Array.map (fun x -> x * 2) a) calibration in
  Printf.printf "%d %b\n" (Lazy.force doubled).(7) (Lazy.is_val doubled);
  for _ = 1 to 2 do
    match Lazy.force broken with
    | () -> print_endline "?"
    | exception Failure m -> Printf.printf "failed: %s\n" m
  done;
  let v = Lazy.from_val 42 in
  Printf.printf "%b %d\n" (Lazy.is_val v) (Lazy.force v);
  print_endline (Printexc.to_string Lazy.Undefined)
