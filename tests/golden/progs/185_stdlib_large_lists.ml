(* List functions on longer lists, checked against each other. *)
(* golden: heap 512K *)
let () =
  let n = 2000 in
  let l = List.init n (fun i -> i mod 1000) in
  Printf.printf "%d\n" (List.length (List.map (fun x -> x + 1) l));
  Printf.printf "%d\n" (List.fold_right (fun x acc -> (x + acc) mod 100003) l 0);
  Printf.printf "%d\n" (List.length (List.append l l));
  Printf.printf "%d\n" (List.length (List.filter (fun x -> x mod 2 = 0) l));
  Printf.printf "%d\n" (List.nth (List.rev l) 0);
  let (a, b) = List.partition (fun x -> x < 500) l in
  Printf.printf "%d %d\n" (List.length a) (List.length b);
  let (c, d) = List.split (List.combine l l) in
  Printf.printf "%b\n" (c = d);
  Printf.printf "%d\n" (List.length (List.concat [l; l; l]));
  let s = List.sort compare l in
  Printf.printf "%d %d\n" (List.hd s) (List.nth s (n - 1));
  Printf.printf "%b\n" (List.for_all (fun x -> x >= 0) l);
  Printf.printf "%d\n" (List.length (List.filter_map (fun x -> if x > 990 then Some x else None) l))
