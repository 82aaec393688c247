(* List functions programs use: filteri, concat_map, find_map, partition, assoc, sort_uniq,
   fold_left_map, init, combine/split, iteri, rev_map, exists2, merge, compare_lengths *)
type reading = { sensor : string; value : int }

let readings =
  List.mapi (fun i v -> { sensor = (if i mod 3 = 0 then "a" else if i mod 3 = 1 then "b" else "c"); value = v })
    [ 12; 7; 30; 15; 7; 22; 3; 41; 18; 9 ]

let show l = "[" ^ String.concat "; " (List.map string_of_int l) ^ "]"

let () =
  let values = List.map (fun r -> r.value) readings in
  print_endline (show (List.filteri (fun i _ -> i mod 2 = 0) values));
  print_endline (show (List.concat_map (fun x -> if x > 20 then [ x; x ] else [ x ]) values));
  (match List.find_map (fun r -> if r.value > 20 then Some r.sensor else None) readings with
   | Some s -> Printf.printf "first hot: %s\n" s
   | None -> ());
  let hi, lo = List.partition (fun x -> x >= 15) values in
  Printf.printf "%s %s\n" (show hi) (show lo);
  print_endline (show (List.sort_uniq compare values));
  print_endline (show (List.stable_sort (fun a b -> compare (a mod 10) (b mod 10)) values));
  let total, running = List.fold_left_map (fun acc x -> (acc + x, acc + x)) 0 values in
  Printf.printf "%d %s\n" total (show running);
  let by_sensor =
    List.fold_left
      (fun acc r ->
        let cur = try List.assoc r.sensor acc with Not_found -> [] in
        (r.sensor, r.value :: cur) :: List.remove_assoc r.sensor acc)
      [] readings
  in
  List.iter (fun (s, vs) -> Printf.printf "%s: %s\n" s (show (List.rev vs))) (List.sort compare by_sensor);
  let names, vals = List.split (List.map (fun r -> (r.sensor, r.value)) readings) in
  Printf.printf "%s %d\n" (String.concat "" names) (List.length vals);
  let pairs = List.combine [ 1; 2; 3 ] [ "x"; "y"; "z" ] in
  List.iter (fun (n, s) -> Printf.printf "%d%s " n s) pairs;
  print_newline ();
  Printf.printf "%b %b\n" (List.exists2 (fun a b -> a = b) [ 1; 2 ] [ 3; 2 ]) (List.for_all2 ( < ) [ 1; 2 ] [ 2; 3 ]);
  print_endline (show (List.merge compare [ 1; 4; 9 ] [ 2; 3; 10 ]));
  Printf.printf "%d %d\n" (List.compare_lengths [ 1 ] [ 2; 3 ]) (List.compare_length_with [ 1; 2 ] 2);
  print_endline (show (List.init 6 (fun i -> i * i)));
  print_endline (show (List.rev_map (fun x -> x + 1) [ 1; 2; 3 ]));
  List.iteri (fun i x -> if i < 3 then Printf.printf "%d:%d " i x) values;
  print_newline ();
  print_endline (show (List.filter_map (fun x -> if x mod 3 = 0 then Some (x / 3) else None) values));
  let a, b = List.partition_map (fun x -> if x mod 2 = 0 then Either.Left x else Either.Right (string_of_int x)) values in
  Printf.printf "%s %s\n" (show a) (String.concat "," b);
  Printf.printf "%s\n" (match List.nth_opt values 20 with None -> "none" | Some x -> string_of_int x);
  Printf.printf "%d\n" (List.fold_right (fun x acc -> x - acc) [ 10; 4; 3 ] 0);
  print_endline (show (List.flatten [ [ 1 ]; []; [ 2; 3 ] ]));
  Printf.printf "%b %b\n" (List.mem 41 values) (List.equal ( = ) [ 1; 2 ] [ 1; 2 ]);
  Printf.printf "%d\n" (List.compare compare [ 1; 2; 3 ] [ 1; 2 ])
