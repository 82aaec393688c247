(* Comparison operators on ints. *)
let () =
  let pairs = [(1, 2); (2, 1); (3, 3); (-5, 5); (0, 0); (-1, -2)] in
  List.iter (fun (a, b) ->
    Printf.printf "%d %d: = %b <> %b < %b > %b <= %b >= %b compare %d\n"
      a b (a = b) (a <> b) (a < b) (a > b) (a <= b) (a >= b) (compare a b)) pairs;
  Printf.printf "%b\n" (1 < 2 = true);
  Printf.printf "%b\n" (not (1 > 2) && 3 >= 3);
  Printf.printf "%d %d\n" (min 3 (-3)) (max 3 (-3))
