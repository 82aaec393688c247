(* Division and modulo with negative operands (truncation toward zero). *)
let () =
  List.iter (fun (a, b) ->
    Printf.printf "%d / %d = %d, %d mod %d = %d\n" a b (a / b) a b (a mod b))
    [(7, 2); (-7, 2); (7, -2); (-7, -2); (0, 3); (1, 5); (-1, 5); (100, 7); (-100, 7); (6, 3); (-6, 3)];
  let big = 1073741823 in
  Printf.printf "%d %d\n" (big / 7) (big mod 7);
  Printf.printf "%d %d\n" (-big / 7) (-big mod 7);
  Printf.printf "%d\n" (-1073741824 / 2)
