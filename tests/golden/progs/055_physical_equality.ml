(* Physical equality == and != on mutable and shared values. *)
let () =
  let r1 = ref 1 in
  let r2 = ref 1 in
  let r3 = r1 in
  Printf.printf "%b %b %b\n" (r1 == r2) (r1 == r3) (r1 = r2);
  Printf.printf "%b %b\n" (r1 != r2) (r1 != r3);
  Printf.printf "%b %b\n" (5 == 5) (5 != 6);
  Printf.printf "%b\n" ('a' == 'a');
  let l = [1; 2; 3] in
  let l2 = l in
  Printf.printf "%b\n" (l == l2);
  Printf.printf "%b\n" (List.tl l == List.tl l2);
  let a = [| 1 |] and b = [| 1 |] in
  Printf.printf "%b %b\n" (a == b) (a = b);
  let x = (ref 0, ref 0) in
  let (p, q) = x in
  Printf.printf "%b %b\n" (p == fst x) (p == q);
  Printf.printf "%b\n" ([] == [])
