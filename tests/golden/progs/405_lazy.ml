(* lazy / Lazy.force: computed once, exceptions raised again, from_val, map. *)
let calls = ref 0
let expensive n = incr calls; Printf.printf "computing %d\n" n; n * n
let z = lazy (expensive 7)
let bad = lazy (failwith "sensor offline")
let () =
  Printf.printf "forced? %b\n" (Lazy.is_val z);
  Printf.printf "%d\n" (Lazy.force z);
  Printf.printf "%d %d\n" (Lazy.force z) !calls;
  Printf.printf "forced? %b\n" (Lazy.is_val z);
  for _ = 1 to 2 do
    try ignore (Lazy.force bad) with Failure m -> print_endline m
  done;
  let v = Lazy.from_val 5 in
  let m = Lazy.map (fun x -> x + 1) v in
  Printf.printf "%d %b\n" (Lazy.force m) (Lazy.is_val v);
