(* Hashtbl.Make with the hash functions users write, the generic table's NaN keys
   (compare calls all NaNs equal, so they must hash alike) and -0.0 / 0.0 *)
module IH = Hashtbl.Make (struct
  type t = int
  let equal (a : int) b = a = b
  let hash x = x land max_int
end)

module SH = Hashtbl.Make (struct
  type t = string
  let equal = String.equal
  let hash s = String.length s
end)

type point = { x : int; y : int }

module PH = Hashtbl.Make (struct
  type t = point
  let equal a b = a.x = b.x && a.y = b.y
  let hash p = (p.x * 31 + p.y) land max_int
end)

let () =
  let h = IH.create 8 in
  for i = 0 to 99 do IH.add h (i * 7) (i * i) done;
  IH.replace h 14 (-1);
  IH.remove h 21;
  IH.remove h 5000;
  Printf.printf "%d %d %b %b\n" (IH.length h) (IH.find h 14) (IH.mem h 21) (IH.mem h 28);
  (* the bucket layout is OCaml's, so with OCaml's hash the order is OCaml's *)
  let l = IH.fold (fun k v acc -> (k, v) :: acc) h [] in
  List.iteri (fun i (k, v) -> if i < 12 then Printf.printf "%d:%d " k v) l;
  print_newline ();
  IH.iter (fun k _ -> if k < 100 then Printf.printf "%d " k) h;
  print_newline ();
  IH.filter_map_inplace (fun k v -> if k mod 2 = 0 then Some (v + 1) else None) h;
  Printf.printf "after filter: %d, 14 -> %d\n" (IH.length h) (IH.find h 14);
  let st = IH.stats h in
  Printf.printf "stats %d %d %d\n" st.Hashtbl.num_bindings st.Hashtbl.num_buckets
    st.Hashtbl.max_bucket_length;
  IH.reset h;
  Printf.printf "reset %d\n" (IH.length h)

let () =
  let s = SH.create 4 in
  List.iter (fun w -> SH.add s w (String.length w)) [ "a"; "bb"; "cc"; "ddd"; "a"; "e" ];
  Printf.printf "%d [%s]\n" (SH.length s)
    (String.concat ";" (List.map string_of_int (SH.find_all s "a")));
  SH.to_seq s |> Seq.iter (fun (k, v) -> Printf.printf "%s=%d " k v);
  print_newline ();
  (match SH.find_opt s "zz" with None -> print_endline "zz: none" | Some _ -> ());
  (try ignore (SH.find s "q") with Not_found -> print_endline "q: Not_found");
  let t = SH.of_seq (List.to_seq [ ("x", 1); ("yy", 2); ("x", 3) ]) in
  Printf.printf "of_seq %d x=%d\n" (SH.length t) (SH.find t "x");
  SH.add_seq t (List.to_seq [ ("x", 9) ]);
  Printf.printf "add_seq %d [%s]\n" (SH.length t)
    (String.concat ";" (List.map string_of_int (SH.find_all t "x")))

let () =
  let p = PH.create 16 in
  for x = 0 to 4 do
    for y = 0 to 4 do PH.replace p { x; y } (x * y) done
  done;
  PH.replace p { x = 2; y = 3 } 100;
  Printf.printf "points %d %d %b\n" (PH.length p) (PH.find p { x = 2; y = 3 })
    (PH.mem p { x = 5; y = 0 });
  let total = PH.fold (fun _ v acc -> acc + v) p 0 in
  Printf.printf "sum %d\n" total

let () =
  let g = Hashtbl.create 4 in
  Hashtbl.replace g nan "first";
  Hashtbl.replace g (0. /. 0.) "second";
  Hashtbl.replace g (-0.0) "zero";
  Hashtbl.replace g 0.0 "plus zero";
  Printf.printf "%d %s %s\n" (Hashtbl.length g) (Hashtbl.find g (sqrt (-1.))) (Hashtbl.find g 0.);
  Printf.printf "%b %b\n" (Hashtbl.hash nan = Hashtbl.hash (-. nan))
    (Hashtbl.hash (Some [ 0.0 ]) = Hashtbl.hash (Some [ -0.0 ]))
