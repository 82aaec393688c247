(* golden: heap 1M *)
(* Hashtbl: the generic table. Bindings of different keys are printed sorted: the order of
   iter/fold/to_seq across buckets depends on the hash function, which is not OCaml's;
   the order of the bindings of one key is OCaml's (most recent first). *)
let sorted_bindings h = List.sort compare (Hashtbl.fold (fun k v acc -> (k, v) :: acc) h [])
let show h =
  print_string "{";
  List.iter (fun (k, v) -> Printf.printf " %s:%d" k v) (sorted_bindings h);
  Printf.printf " } (%d)\n" (Hashtbl.length h)

let () =
  let h = Hashtbl.create 8 in
  Hashtbl.add h "one" 1;
  Hashtbl.add h "two" 2;
  Hashtbl.add h "three" 3;
  show h;
  Printf.printf "find two = %d\n" (Hashtbl.find h "two");
  (try ignore (Hashtbl.find h "four") with Not_found -> print_endline "find four: Not_found");
  (match Hashtbl.find_opt h "one" with Some v -> Printf.printf "find_opt one = %d\n" v | None -> ());
  (match Hashtbl.find_opt h "zero" with Some _ -> () | None -> print_endline "find_opt zero = None");
  Printf.printf "mem %b %b\n" (Hashtbl.mem h "three") (Hashtbl.mem h "3");
  (* several bindings of one key: the newest hides the others *)
  Hashtbl.add h "one" 10;
  Hashtbl.add h "one" 100;
  Printf.printf "find one = %d, length %d\n" (Hashtbl.find h "one") (Hashtbl.length h);
  Printf.printf "find_all one = [%s]\n" (String.concat "; " (List.map string_of_int (Hashtbl.find_all h "one")));
  Printf.printf "find_all none = %d\n" (List.length (Hashtbl.find_all h "none"));
  Hashtbl.remove h "one";
  Printf.printf "after remove: find one = %d, length %d\n" (Hashtbl.find h "one") (Hashtbl.length h);
  Hashtbl.remove h "absent";
  Printf.printf "remove absent: length %d\n" (Hashtbl.length h);
  (* replace changes the newest binding and adds when absent *)
  Hashtbl.replace h "one" 11;
  Printf.printf "find_all one = [%s]\n" (String.concat "; " (List.map string_of_int (Hashtbl.find_all h "one")));
  Hashtbl.replace h "five" 5;
  show h;
  (* iter sees every binding of a key, newest first *)
  let seen = ref [] in
  Hashtbl.iter (fun k v -> if k = "one" then seen := v :: !seen) h;
  Printf.printf "iter one: [%s]\n" (String.concat "; " (List.rev_map string_of_int !seen));
  let total = Hashtbl.fold (fun _ v acc -> v + acc) h 0 in
  Printf.printf "fold sum %d\n" total;
  (* copy is independent *)
  let c = Hashtbl.copy h in
  Hashtbl.replace c "two" 22;
  Hashtbl.add c "six" 6;
  show h;
  show c;
  (* filter_map_inplace: drop odd values, double the even ones *)
  Hashtbl.filter_map_inplace (fun _ v -> if v mod 2 = 0 then Some (v * 2) else None) c;
  show c;
  Hashtbl.clear c;
  show c;
  Hashtbl.add c "again" 1;
  show c;
  Hashtbl.reset c;
  show c

(* resizing: many bindings, int keys *)
let () =
  let h = Hashtbl.create 1 in
  for i = 0 to 9999 do Hashtbl.add h i (i * i) done;
  Printf.printf "length %d\n" (Hashtbl.length h);
  let ok = ref true in
  for i = 0 to 9999 do if Hashtbl.find h i <> i * i then ok := false done;
  Printf.printf "all found %b\n" !ok;
  for i = 0 to 9999 do if i mod 3 = 0 then Hashtbl.remove h i done;
  Printf.printf "after removing multiples of 3: %d, mem 9 %b, mem 10 %b\n" (Hashtbl.length h) (Hashtbl.mem h 9)
    (Hashtbl.mem h 10);
  let s = Hashtbl.fold (fun k _ acc -> acc + k) h 0 in
  Printf.printf "sum of keys %d\n" s;
  let st = Hashtbl.stats h in
  Printf.printf "stats bindings %d, histogram sums to buckets %b\n" st.num_bindings
    (Array.fold_left ( + ) 0 st.bucket_histogram = st.num_buckets)

(* structured keys: equal by compare means found *)
let () =
  let h = Hashtbl.create 16 in
  Hashtbl.add h (1, "a") "pair";
  let k = (1, String.make 1 'a') in
  Printf.printf "tuple key built at run time: %s\n" (Hashtbl.find h k);
  let h2 = Hashtbl.create 16 in
  Hashtbl.replace h2 [ Some 1.5; None ] "floats";
  Hashtbl.replace h2 [ Some (3.0 /. 2.0); None ] "replaced";
  Printf.printf "length %d, %s\n" (Hashtbl.length h2) (Hashtbl.find h2 [ Some 1.5; None ]);
  Printf.printf "hash equal values: %b %b %b %b\n"
    (Hashtbl.hash "abc" = Hashtbl.hash ("ab" ^ "c"))
    (Hashtbl.hash (0.0) = Hashtbl.hash (-0.0))
    (Hashtbl.hash [ 1; 2; 3 ] = Hashtbl.hash (List.init 3 (fun i -> i + 1)))
    (Hashtbl.hash (Some (1, 'x')) = Hashtbl.hash (Some (1, Char.chr 120)));
  Printf.printf "hash is non-negative: %b\n" (List.for_all (fun v -> Hashtbl.hash v >= 0) [ 0; -1; max_int; min_int ])

(* sequences *)
let () =
  let h = Hashtbl.of_seq (List.to_seq [ ("a", 1); ("b", 2); ("a", 3) ]) in
  show h;
  Hashtbl.add_seq h (List.to_seq [ ("c", 4); ("b", 5) ]);
  show h;
  Printf.printf "find_all b = [%s]\n" (String.concat "; " (List.map string_of_int (Hashtbl.find_all h "b")));
  Hashtbl.replace_seq h (List.to_seq [ ("b", 50); ("d", 6) ]);
  Printf.printf "find_all b = [%s]\n" (String.concat "; " (List.map string_of_int (Hashtbl.find_all h "b")));
  let keys = List.sort compare (List.of_seq (Hashtbl.to_seq_keys h)) in
  let values = List.sort compare (List.of_seq (Hashtbl.to_seq_values h)) in
  let pairs = List.sort compare (List.of_seq (Hashtbl.to_seq h)) in
  Printf.printf "keys %s\n" (String.concat "," keys);
  Printf.printf "values %s\n" (String.concat "," (List.map string_of_int values));
  Printf.printf "pairs %d\n" (List.length pairs);
  (* the bindings of one key come out of to_seq newest first, as from iter *)
  let h = Hashtbl.create 4 in
  List.iter (fun v -> Hashtbl.add h "k" v) [ 1; 2; 3 ];
  Seq.iter (fun (_, v) -> Printf.printf "%d " v) (Hashtbl.to_seq h);
  print_newline ();
  let counts = Hashtbl.create 16 in
  String.iter
    (fun c ->
       match Hashtbl.find_opt counts c with
       | Some n -> Hashtbl.replace counts c (n + 1)
       | None -> Hashtbl.add counts c 1)
    "mississippi";
  let l = List.sort compare (Hashtbl.fold (fun c n acc -> (c, n) :: acc) counts []) in
  List.iter (fun (c, n) -> Printf.printf "%c=%d " c n) l;
  print_newline ()
