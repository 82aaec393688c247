(* Map.add, remove and update return the map itself (==) when nothing changes, as OCaml's
   (OCaml's own testsuite, basic/maps, checks it) *)
module IM = Map.Make (Int)
let m = List.fold_left (fun m k -> IM.add k (string_of_int k) m) IM.empty [ 5; 3; 8; 1; 4 ]
let v3 = IM.find 3 m
let () =
  Printf.printf "%b %b\n" (IM.add 3 v3 m == m) (IM.add 3 "3" m == m);
  Printf.printf "%b %b\n" (IM.remove 7 m == m) (IM.remove 3 m == m);
  Printf.printf "%b %b %b\n" (IM.update 7 (fun o -> o) m == m) (IM.update 3 (fun o -> o) m == m)
    (IM.update 3 (fun _ -> Some "x") m == m);
  IM.iter (fun k v -> Printf.printf "%d:%s " k v) (IM.update 4 (fun _ -> None) m);
  print_newline ()
