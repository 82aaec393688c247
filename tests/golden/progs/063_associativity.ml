(* Associativity of operators. *)
let () =
  Printf.printf "%d\n" (100 - 50 - 25);
  Printf.printf "%d\n" (1000 / 10 / 10);
  Printf.printf "%d\n" (100 mod 30 mod 7);
  Printf.printf "%d\n" (2 * 3 * 4);
  Printf.printf "%d\n" (1 lsl 2 lsl 3);
  Printf.printf "%d\n" (256 lsr 2 lsr 1);
  Printf.printf "%f\n" (100.0 /. 10.0 /. 2.0);
  Printf.printf "%f\n" (10.0 -. 1.0 -. 1.0);
  print_endline ("x" ^ ("y" ^ "z") ^ "w");
  let l = [1] @ [2] @ [3] in
  Printf.printf "%d\n" (List.length l);
  let f = fun a -> fun b -> fun c -> a - b - c in
  Printf.printf "%d\n" (f 10 3 2);
  let compose f g x = f (g x) in
  Printf.printf "%d\n" (compose (fun x -> x - 1) (fun x -> x * 2) 5);
  Printf.printf "%d\n" (5 |> (fun x -> x - 1) |> (fun x -> x * 2));
  Printf.printf "%b\n" (true || false && false);
  Printf.printf "%b\n" ((true || false) && false)
