(* gc_full.ml - slice-buster: a nearly full heap (a large live list) and an allocation loop,
   so every collection copies the whole live set. *)
let rec build n acc = if n = 0 then acc else build (n - 1) (n :: acc)

let () =
  let live = build 550_000 [] in
  let n = ref 0 in
  let t0 = Sense.time_ms () and iters = ref 0 in
  while Sense.time_ms () - t0 < 400 do
    incr iters;
    let g = Array.make 1000 !n in
    if Array.length g > 0 then n := 1
  done;
  Printf.printf "iterations %d\n" !iters;
  Printf.printf "gc_full: %d\n" (List.length live)
