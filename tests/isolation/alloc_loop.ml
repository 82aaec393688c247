(* alloc_loop.ml - slice-buster: `Array.make 1_000_000 0` in a loop (one instruction that
   fills a million words, and a collection every few iterations). *)
let () =
  let n = ref 0 in
  let t0 = Sense.time_ms () and iters = ref 0 in
  while Sense.time_ms () - t0 < 400 do
    incr iters;
    let a = Array.make 1_000_000 0 in
    if Array.length a > 0 then n := 1
  done;
  Printf.printf "iterations %d\n" !iters;
  Printf.printf "alloc_loop: %b\n" (!n > 0)
