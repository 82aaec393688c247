(* A broad operator precedence test. *)
let () =
  Printf.printf "%d\n" (1 + 2 * 3);
  Printf.printf "%d\n" (10 - 4 - 3);
  Printf.printf "%d\n" (2 * 3 + 4 * 5);
  Printf.printf "%d\n" (20 / 2 * 5);
  Printf.printf "%d\n" (1 + 20 mod 7);
  Printf.printf "%b\n" (1 + 2 = 3 && 2 * 2 = 4);
  Printf.printf "%b\n" (1 < 2 || 1 / 1 = 0 && false);
  Printf.printf "%b\n" (false && true || true);
  Printf.printf "%b\n" ("a" ^ "b" = "ab");
  Printf.printf "%b\n" (1 :: [2] = [1; 2]);
  Printf.printf "%b\n" ([1] @ [2] = 1 :: [2]);
  Printf.printf "%d\n" (List.length [1; 2] + 1);
  Printf.printf "%d\n" (succ 2 * 3);
  Printf.printf "%d\n" (1 lsl 2 + 1);
  Printf.printf "%d\n" (1 lsl 2 * 3);
  Printf.printf "%d\n" (7 land 3 + 1);
  Printf.printf "%d\n" (8 lor 1 * 2);
  Printf.printf "%d\n" (- 2 * 3 + - 4);
  Printf.printf "%b\n" (not false && false);
  Printf.printf "%b\n" (not (false && false));
  let f x = x * 10 in
  Printf.printf "%d\n" (f 1 + f 2);
  Printf.printf "%d\n" (f (1 + 2));
  let t = 1, 2 + 3 in
  Printf.printf "%d %d\n" (fst t) (snd t);
  let x = if true then 1 else 2 + 10 in
  Printf.printf "%d\n" x;
  Printf.printf "%f\n" (1.0 +. 2.0 *. 3.0 -. 4.0 /. 2.0);
  Printf.printf "%b\n" (1 + 1 :: [] = [2])
