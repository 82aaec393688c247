(* Array functions real programs use: for_all2 exists2 map2 iter2 split combine find_opt
   find_map memq concat fold_left_map to_seq of_seq *)
let pa a = print_endline ("[|" ^ String.concat "; " (Array.to_list (Array.map string_of_int a)) ^ "|]")

let () =
  let a = [| 1; 2; 3 |] and b = [| 10; 20; 30 |] in
  pa (Array.map2 ( + ) a b);
  pa (Array.map2 ( * ) [||] [||]);
  (try ignore (Array.map2 ( + ) a [| 1 |]) with Invalid_argument m -> print_endline m);
  Array.iter2 (fun x y -> Printf.printf "%d-%d " x y) a b;
  print_newline ();
  (try Array.iter2 (fun _ _ -> ()) a [||] with Invalid_argument m -> print_endline m);
  Printf.printf "for_all2 %b %b exists2 %b %b\n" (Array.for_all2 ( < ) a b) (Array.for_all2 ( > ) a b)
    (Array.exists2 (fun x y -> x * 10 = y) a b) (Array.exists2 ( = ) a b);
  (try ignore (Array.for_all2 ( = ) a [||]) with Invalid_argument m -> print_endline m);
  (try ignore (Array.exists2 ( = ) a [||]) with Invalid_argument m -> print_endline m);
  let (x, y) = Array.split [| (1, "one"); (2, "two") |] in
  pa x;
  print_endline (String.concat "," (Array.to_list y));
  let (e1, e2) = Array.split [||] in
  Printf.printf "split empty %d %d\n" (Array.length e1) (Array.length e2);
  Array.iter (fun (n, s) -> Printf.printf "(%d,%s) " n s) (Array.combine a [| "a"; "b"; "c" |]);
  print_newline ();
  (try ignore (Array.combine a [| 1 |]) with Invalid_argument m -> print_endline m);
  Printf.printf "find_opt %s %s\n"
    (match Array.find_opt (fun v -> v > 1) a with Some v -> string_of_int v | None -> "None")
    (match Array.find_opt (fun v -> v > 5) a with Some v -> string_of_int v | None -> "None");
  Printf.printf "find_map %s\n"
    (match Array.find_map (fun v -> if v = 3 then Some "three" else None) a with Some s -> s | None -> "None");
  let s1 = String.make 1 's' in
  let s2 = String.make 1 's' in
  Printf.printf "memq %b %b mem %b\n" (Array.memq s1 [| s1 |]) (Array.memq s2 [| s1 |]) (Array.mem s2 [| s1 |]);
  pa (Array.concat [ a; [||]; b; [| 99 |] ]);
  pa (Array.concat []);
  let (acc, out) = Array.fold_left_map (fun acc v -> (acc + v, acc * v)) 0 b in
  Printf.printf "fold_left_map %d " acc;
  pa out;
  pa (Array.of_seq (Seq.map (fun v -> v * 2) (Array.to_seq a)));
  Array.iter (fun (i, v) -> Printf.printf "%d:%d " i v) (Array.of_seq (Array.to_seqi b));
  print_newline ();
  let m = Array.make_matrix 2 3 0 in
  m.(1).(2) <- 5;
  Array.iter pa m;
  Printf.printf "create_float %d\n" (Array.length (Array.create_float 4));
  let u = Array.make 3 0 in
  Array.unsafe_set u 1 7;
  Printf.printf "unsafe_get %d\n" (Array.unsafe_get u 1);
  Printf.printf "exists %b for_all %b mem %b\n" (Array.exists (fun v -> v = 2) a) (Array.for_all (fun v -> v > 0) a) (Array.mem 4 a)
