(* cmp_loop.ml - slice-buster: `compare` of two 500,000-element arrays in a loop (one
   instruction each). *)
let () =
  let a = Array.make 500_000 1 and b = Array.make 500_000 1 in
  b.(499_999) <- 2;
  let n = ref 0 in
  let t0 = Sense.time_ms () and iters = ref 0 in
  while Sense.time_ms () - t0 < 400 do
    incr iters;
    if compare a b < 0 then incr n
  done;
  Printf.printf "iterations %d\n" !iters;
  Printf.printf "cmp_loop: %b\n" (!n > 0)
