(* blit_loop.ml - slice-buster: bulk Array.blit / Array.sub / Bytes.blit / String.sub of
   large objects in a loop. *)
let () =
  let a = Array.make 300_000 3 and b = Array.make 300_000 0 in
  let s = Bytes.make 500_000 'x' and d = Bytes.make 500_000 'y' in
  let n = ref 0 in
  let t0 = Sense.time_ms () and iters = ref 0 in
  while Sense.time_ms () - t0 < 400 do
    incr iters;
    Array.blit a 0 b 0 300_000;
    let c = Array.sub b 0 200_000 in
    Bytes.blit s 0 d 0 500_000;
    let t = Bytes.sub_string d 0 400_000 in
    if Array.length c + String.length t > 0 then n := 1
  done;
  Printf.printf "iterations %d\n" !iters;
  Printf.printf "blit_loop: %b\n" (!n > 0)
