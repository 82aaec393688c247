(* flood.ml - slice-buster: floods the high container's inter-container channel (which it
   never reads: depth 4, policy drop) with messages of the largest size. *)
let () =
  let msg = String.make 50 'z' and sent = ref 0 and dropped = ref 0 in
  let t0 = Sense.time_ms () in
  while Sense.time_ms () - t0 < 400 do
    if Sense.xsend "noise" msg then incr sent else incr dropped
  done;
  Printf.printf "flood: %b\n" (!sent = 4 && !dropped > 0)
