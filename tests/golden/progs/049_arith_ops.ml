(* Integer arithmetic operators. *)
let () =
  let a = 47 and b = 5 in
  Printf.printf "%d %d %d %d %d\n" (a + b) (a - b) (a * b) (a / b) (a mod b);
  Printf.printf "%d %d\n" (b - a) (-a * b);
  Printf.printf "%d\n" (1 + 2 * 3 - 4 / 2);
  Printf.printf "%d\n" ((1 + 2) * (3 - 4) / 2);
  Printf.printf "%d\n" (100 / 10 / 5);
  Printf.printf "%d\n" (100 - 10 - 5);
  Printf.printf "%d\n" (2 * 3 mod 4);
  Printf.printf "%d\n" (7 mod 4 * 3);
  Printf.printf "%d\n" (succ 41 + pred 1);
  Printf.printf "%d %d\n" (abs (-12)) (abs 12);
  let sum = ref 0 in
  for i = 1 to 1000 do sum := !sum + i * i done;
  Printf.printf "%d\n" !sum;
  Printf.printf "%d\n" (1 lsl 29 + (1 lsl 29 - 1));
  Printf.printf "%d\n" (-(1 lsl 29) - (1 lsl 29))
