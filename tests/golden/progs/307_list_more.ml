(* golden: heap 1M *)
(* List functions real programs use: filteri concat_map fold_left_map find_map partition_map
   equal compare init rev_map2 assq_opt mem_assq remove_assq and friends *)
let pl l = print_endline ("[" ^ String.concat "; " (List.map string_of_int l) ^ "]")

let () =
  pl (List.filteri (fun i _ -> i mod 2 = 0) [ 10; 11; 12; 13; 14 ]);
  pl (List.concat_map (fun x -> [ x; x * 10 ]) [ 1; 2; 3 ]);
  pl (List.concat_map (fun _ -> []) [ 1; 2 ]);
  let (sum, prefix) = List.fold_left_map (fun acc x -> (acc + x, acc + x)) 0 [ 1; 2; 3; 4 ] in
  Printf.printf "fold_left_map %d " sum;
  pl prefix;
  let (n, labels) = List.fold_left_map (fun n s -> (n + 1, Printf.sprintf "%d:%s" n s)) 0 [ "a"; "b" ] in
  Printf.printf "%d %s\n" n (String.concat "," labels);
  (match List.find_map (fun x -> if x > 2 then Some (x * 100) else None) [ 1; 2; 3; 4 ] with
   | Some v -> Printf.printf "find_map %d\n" v
   | None -> print_endline "find_map None");
  Printf.printf "find_map none %b\n" (List.find_map (fun _ -> None) [ 1 ] = None);
  let (evens, odds) =
    List.partition_map (fun x -> if x mod 2 = 0 then Either.Left (x / 2) else Either.Right (string_of_int x))
      [ 1; 2; 3; 4; 5; 6 ]
  in
  pl evens;
  print_endline (String.concat "," odds);
  Printf.printf "equal %b %b %b\n" (List.equal ( = ) [ 1; 2 ] [ 1; 2 ]) (List.equal ( = ) [ 1 ] [ 1; 2 ])
    (List.equal (fun a b -> a mod 10 = b mod 10) [ 1; 22 ] [ 11; 2 ]);
  Printf.printf "compare %d %d %d %d %d\n" (List.compare compare [ 1; 2 ] [ 1; 3 ]) (List.compare compare [ 1 ] [ 1 ])
    (List.compare compare [ 1; 2 ] [ 1 ]) (List.compare compare [] [ 0 ])
    (List.compare (fun a b -> compare b a) [ 1 ] [ 2 ]);
  pl (List.init 5 (fun i -> i * i));
  pl (List.init 0 (fun i -> i));
  Printf.printf "init big %d\n" (List.length (List.init 20000 (fun i -> i)));
  (try ignore (List.init (-1) (fun i -> i)) with Invalid_argument m -> print_endline m);
  pl (List.rev_map2 ( - ) [ 10; 20; 30 ] [ 1; 2; 3 ]);
  (try ignore (List.rev_map2 ( + ) [ 1 ] []) with Invalid_argument m -> print_endline m);
  let k1 = String.make 1 'k' in
  let k2 = String.make 1 'k' in
  let al = [ (k1, 1); (k2, 2) ] in
  Printf.printf "assq_opt %s, mem_assq %b, remove_assq %d, assoc %d\n"
    (match List.assq_opt k2 al with Some v -> string_of_int v | None -> "None")
    (List.mem_assq "other" al) (List.length (List.remove_assq k1 al)) (List.assoc "k" al);
  Printf.printf "compare_lengths %d %d, compare_length_with %d %d\n" (List.compare_lengths [ 1 ] [ 1; 2 ])
    (List.compare_lengths [ 1; 2 ] [ 3; 4 ]) (List.compare_length_with [ 1; 2 ] 1) (List.compare_length_with [] 0);
  pl (List.filter_map (fun x -> if x > 0 then Some (-x) else None) [ 1; -2; 3 ]);
  pl (List.sort_uniq compare [ 3; 1; 3; 2; 1 ]);
  pl (List.flatten [ [ 1 ]; []; [ 2; 3 ] ]);
  pl (List.of_seq (List.to_seq [ 9; 8 ]))
