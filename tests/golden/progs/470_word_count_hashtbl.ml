(* Counting with Hashtbl: word frequencies, sorted output (so the table's order does not
   matter), find_all with shadowed bindings, replace vs add, remove, copy, filter_map_inplace *)
let text =
  "the sensor reads the value and the value goes to the log the log is sent to the gateway and the gateway acks"

let () =
  let counts = Hashtbl.create 16 in
  List.iter
    (fun w -> Hashtbl.replace counts w (1 + Option.value (Hashtbl.find_opt counts w) ~default:0))
    (String.split_on_char ' ' text);
  let sorted =
    List.sort (fun (w1, c1) (w2, c2) -> if c1 <> c2 then compare c2 c1 else compare w1 w2)
      (Hashtbl.fold (fun w c acc -> (w, c) :: acc) counts [])
  in
  List.iter (fun (w, c) -> Printf.printf "%-8s %d\n" w c) sorted;
  Printf.printf "distinct %d\n" (Hashtbl.length counts);
  let h = Hashtbl.create 4 in
  Hashtbl.add h "k" 1;
  Hashtbl.add h "k" 2;
  Hashtbl.add h "k" 3;
  Printf.printf "%d [%s]\n" (Hashtbl.find h "k") (String.concat ";" (List.map string_of_int (Hashtbl.find_all h "k")));
  Hashtbl.remove h "k";
  Printf.printf "%d %d\n" (Hashtbl.find h "k") (Hashtbl.length h);
  Hashtbl.replace h "k" 10;
  Printf.printf "[%s]\n" (String.concat ";" (List.map string_of_int (Hashtbl.find_all h "k")));
  let c = Hashtbl.copy counts in
  Hashtbl.filter_map_inplace (fun _ n -> if n >= 3 then Some (n * 100) else None) c;
  let keys = List.sort compare (List.of_seq (Hashtbl.to_seq_keys c)) in
  Printf.printf "%s | %d %d\n" (String.concat "," keys) (Hashtbl.length c) (Hashtbl.length counts);
  Printf.printf "%d\n" (List.fold_left ( + ) 0 (List.of_seq (Hashtbl.to_seq_values c)));
  let squares = Hashtbl.of_seq (Seq.map (fun i -> (i, i * i)) (List.to_seq [ 1; 2; 3; 4 ])) in
  Printf.printf "%d %b %b\n" (Hashtbl.find squares 3) (Hashtbl.mem squares 4) (Hashtbl.mem squares 5);
  (try ignore (Hashtbl.find squares 9) with Not_found -> print_endline "9 not found");
  Hashtbl.clear squares;
  Printf.printf "%d\n" (Hashtbl.length squares);
  (* tuple and list keys hash structurally *)
  let grid = Hashtbl.create 8 in
  for x = 0 to 9 do for y = 0 to 9 do if (x * y) mod 7 = 1 then Hashtbl.replace grid (x, y) [ x; y ] done done;
  Printf.printf "%d %b %b\n" (Hashtbl.length grid) (Hashtbl.mem grid (3, 5)) (Hashtbl.mem grid (5, 3));
  let big = Hashtbl.create 1 in
  for i = 0 to 299 do Hashtbl.add big (string_of_int i) i done;
  let s = Hashtbl.stats big in
  Printf.printf "%d %d\n" s.Hashtbl.num_bindings (Hashtbl.fold (fun _ v acc -> acc + v) big 0)
