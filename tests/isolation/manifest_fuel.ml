(* manifest_fuel.ml - slice-buster: a busy loop whose manifest asks for 2,000,000,000
   instructions per slice; the scheduler's quantum caps it while a higher container lives. *)
let rec busy n acc = if n = 0 then acc else busy (n - 1) ((acc * 31 + n) land 0xFFFF)

let () =
  let h = ref 0 in
  let t0 = Sense.time_ms () and iters = ref 0 in
  while Sense.time_ms () - t0 < 400 do
    incr iters; h := busy 100_000 !h done;
  Printf.printf "iterations %d\n" !iters;
  Printf.printf "manifest_fuel: %b\n" (!h >= 0)
