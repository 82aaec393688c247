(* Array functions: matrices, in-place sort, blit, for_all2/exists2, map2, fold_right,
   sub/append/concat, to_list/of_list, find_opt, iteri, mem, fill, make_matrix *)
let print_matrix m =
  Array.iter (fun row -> print_endline (String.concat " " (Array.to_list (Array.map (Printf.sprintf "%3d") row)))) m

let mat_mul a b =
  let n = Array.length a and m = Array.length b.(0) and k = Array.length b in
  Array.init n (fun i -> Array.init m (fun j ->
      let s = ref 0 in
      for x = 0 to k - 1 do s := !s + (a.(i).(x) * b.(x).(j)) done;
      !s))

let transpose m = Array.init (Array.length m.(0)) (fun j -> Array.init (Array.length m) (fun i -> m.(i).(j)))

let () =
  let a = Array.make_matrix 3 3 0 in
  for i = 0 to 2 do for j = 0 to 2 do a.(i).(j) <- (i * 3) + j + 1 done done;
  print_matrix a;
  print_matrix (mat_mul a (transpose a));
  let v = [| 5; 3; 9; 1; 7; 3; 8 |] in
  let sorted = Array.copy v in
  Array.sort compare sorted;
  Printf.printf "%s -> %s\n" (String.concat "," (Array.to_list (Array.map string_of_int v)))
    (String.concat "," (Array.to_list (Array.map string_of_int sorted)));
  Array.stable_sort (fun x y -> compare y x) sorted;
  Printf.printf "%d %d\n" sorted.(0) sorted.(6);
  let w = [| 1; 2; 3 |] and u = [| 2; 3; 4 |] in
  Printf.printf "%b %b %b\n" (Array.for_all2 ( < ) w u) (Array.exists2 ( = ) w u) (Array.for_all (fun x -> x > 0) v);
  Printf.printf "[%s]\n" (String.concat ";" (Array.to_list (Array.map string_of_int (Array.map2 ( * ) w u))));
  Printf.printf "%d\n" (Array.fold_right (fun x acc -> (acc * 10) + x) w 0);
  let big = Array.append v (Array.sub w 1 2) in
  Printf.printf "%d %d\n" (Array.length big) big.(8);
  let cat = Array.concat [ w; [||]; u; [| 0 |] ] in
  Printf.printf "%s\n" (String.concat "" (Array.to_list (Array.map string_of_int cat)));
  Array.blit w 0 cat 4 3;
  Array.fill cat 0 2 9;
  Printf.printf "%s\n" (String.concat "" (Array.to_list (Array.map string_of_int cat)));
  (match Array.find_opt (fun x -> x > 6) v with Some x -> Printf.printf "found %d\n" x | None -> ());
  Printf.printf "%b %b\n" (Array.mem 9 v) (Array.mem 10 v);
  Array.iteri (fun i x -> if x = 3 then Printf.printf "3 at %d\n" i) v;
  let hist = Array.make 10 0 in
  Array.iter (fun x -> hist.(x) <- hist.(x) + 1) v;
  print_endline (String.concat "" (Array.to_list (Array.map string_of_int hist)));
  let l = Array.to_list (Array.of_list [ 'a'; 'b' ]) in
  Printf.printf "%d\n" (List.length l);
  let xs, ys = Array.split [| (1, 'x'); (2, 'y') |] in
  Printf.printf "%d %c\n" (xs.(0) + xs.(1)) ys.(1);
  let acc, doubled = Array.fold_left_map (fun acc x -> (acc + x, 2 * x)) 0 w in
  Printf.printf "%d %d\n" acc doubled.(2);
  (try ignore (Array.init (-1) (fun i -> i)) with Invalid_argument m -> print_endline m);
  (try ignore v.(7) with Invalid_argument m -> print_endline m)
