(* A one-dimensional Kalman filter tracking a noisy temperature, with a deterministic
   noise source, compared against the raw readings by mean squared error *)
type kalman = { mutable x : float; mutable p : float; q : float; r : float }

let create ?(q = 0.01) ?(r = 0.5) x0 = { x = x0; p = 1.0; q; r }

let step k z =
  k.p <- k.p +. k.q;
  let gain = k.p /. (k.p +. k.r) in
  k.x <- k.x +. (gain *. (z -. k.x));
  k.p <- (1. -. gain) *. k.p;
  k.x

let noise =
  let state = ref 12345 in
  fun () ->
    state := (!state * 1103515 + 12345) land 0x3FFFFFFF;
    (float_of_int (!state land 0xFFFF) /. 65536.) -. 0.5

let () =
  let truth i = 20. +. (2. *. sin (float_of_int i /. 10.)) in
  let k = create 20. in
  let k2 = create ~q:0.1 ~r:0.1 20. in
  let se_raw = ref 0. and se_f = ref 0. and se_f2 = ref 0. in
  for i = 0 to 99 do
    let t = truth i in
    let z = t +. (2. *. noise ()) in
    let f = step k z and f2 = step k2 z in
    se_raw := !se_raw +. ((z -. t) ** 2.);
    se_f := !se_f +. ((f -. t) ** 2.);
    se_f2 := !se_f2 +. ((f2 -. t) ** 2.);
    if i mod 10 = 0 then Printf.printf "%3d truth %6.3f meas %6.3f filt %6.3f filt2 %6.3f\n" i t z f f2
  done;
  Printf.printf "mse raw %.4f filtered %.4f filtered2 %.4f\n" (!se_raw /. 100.) (!se_f /. 100.) (!se_f2 /. 100.);
  Printf.printf "gain settles: p=%.5f\n" k.p
