(* threads.ml - slice-buster: thousands of threads (in batches of 200, the manifest's
   context limit being 256), each doing a little work and yielding. *)
let () =
  let count = ref 0 and batches = ref 0 in
  let t0 = Sense.time_ms () in
  while Sense.time_ms () - t0 < 400 do
    (* counts threads, not the sum of their k: 55,155 batches of that sum (the run of
       10^4 randomised schedules met one, with --ns-per-insn 1) overflow a 31-bit int *)
    let ts = List.init 200 (fun k ->
      Thread.create (fun _ -> incr count; Thread.yield ()) k) in
    List.iter Thread.join ts;
    incr batches
  done;
  Printf.printf "threads: %b\n" (!count > 0 && !batches > 0)
