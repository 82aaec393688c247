(* golden: heap 256K *)
(* Seq and the to_seq/of_seq functions of List, Array, String, Bytes, Buffer, Option *)
let show name s =
  Printf.printf "%s: [%s]\n" name (String.concat "; " (List.of_seq (Seq.map string_of_int s)))

let rec naturals n () = Seq.Cons (n, naturals (n + 1))
let rec take n s () = if n = 0 then Seq.Nil else match s () with Seq.Nil -> Seq.Nil | Seq.Cons (x, r) -> Seq.Cons (x, take (n - 1) r)

let () =
  show "empty" Seq.empty;
  show "return" (Seq.return 7);
  show "cons" (Seq.cons 1 (Seq.cons 2 Seq.empty));
  show "append" (Seq.append (List.to_seq [ 1; 2 ]) (List.to_seq [ 3; 4 ]));
  show "map" (Seq.map (fun x -> x * x) (List.to_seq [ 1; 2; 3 ]));
  show "filter" (Seq.filter (fun x -> x mod 2 = 0) (take 10 (naturals 0)));
  show "filter_map" (Seq.filter_map (fun x -> if x > 2 then Some (x * 10) else None) (List.to_seq [ 1; 2; 3; 4 ]));
  show "concat" (Seq.concat (List.to_seq [ List.to_seq [ 1 ]; Seq.empty; List.to_seq [ 2; 3 ] ]));
  show "flat_map" (Seq.flat_map (fun x -> List.to_seq [ x; -x ]) (List.to_seq [ 1; 2; 3 ]));
  show "concat_map" (Seq.concat_map (fun x -> Seq.return (x + 100)) (List.to_seq [ 1; 2 ]));
  Printf.printf "fold_left %d\n" (Seq.fold_left ( + ) 0 (take 101 (naturals 0)));
  Seq.iter (fun x -> Printf.printf "iter %d\n" x) (List.to_seq [ 5; 6 ]);
  show "unfold" (Seq.unfold (fun n -> if n > 100 then None else Some (n, n * 2)) 1);
  show "take naturals" (take 5 (naturals 10));
  (* laziness: nothing is computed before it is asked for *)
  let calls = ref 0 in
  let s = Seq.map (fun x -> incr calls; x + 1) (List.to_seq [ 1; 2; 3 ]) in
  Printf.printf "calls before %d\n" !calls;
  (match s () with Seq.Cons (x, _) -> Printf.printf "first %d, calls %d\n" x !calls | Seq.Nil -> ());
  (* a sequence can be walked twice *)
  Printf.printf "twice %d %d\n" (Seq.fold_left ( + ) 0 s) (Seq.fold_left ( + ) 0 s);
  (* List *)
  show "List.to_seq" (List.to_seq [ 3; 1; 2 ]);
  Printf.printf "List.of_seq length %d\n" (List.length (List.of_seq (take 2000 (naturals 0))));
  (* Array *)
  show "Array.to_seq" (Array.to_seq [| 4; 5; 6 |]);
  Seq.iter (fun (i, x) -> Printf.printf "(%d,%d) " i x) (Array.to_seqi [| 7; 8; 9 |]);
  print_newline ();
  let a = Array.of_seq (take 4 (naturals 1)) in
  Printf.printf "Array.of_seq %d [%s]\n" (Array.length a) (String.concat ";" (Array.to_list (Array.map string_of_int a)));
  Printf.printf "Array.of_seq empty %d\n" (Array.length (Array.of_seq Seq.empty));
  (* String *)
  Seq.iter (fun c -> Printf.printf "%c." c) (String.to_seq "hello");
  print_newline ();
  Seq.iter (fun (i, c) -> Printf.printf "%d%c " i c) (String.to_seqi "abc");
  print_newline ();
  print_endline (String.of_seq (Seq.map Char.uppercase_ascii (String.to_seq "shout")));
  print_endline (String.of_seq (Seq.filter (fun c -> c <> ' ') (String.to_seq "a b c d e f g h i j k l m n o p q r")));
  Printf.printf "[%s]\n" (String.of_seq Seq.empty);
  (* Bytes *)
  let b = Bytes.of_seq (String.to_seq "bytes") in
  Bytes.set b 0 'B';
  print_endline (Bytes.to_string b);
  Seq.iter (fun c -> print_char c) (Bytes.to_seq b);
  print_newline ();
  Seq.iter (fun (i, c) -> Printf.printf "%d%c " i c) (Bytes.to_seqi (Bytes.of_string "xy"));
  print_newline ();
  (* Buffer *)
  let buf = Buffer.of_seq (String.to_seq "buf") in
  Buffer.add_seq buf (List.to_seq [ '-'; '!' ]);
  print_endline (Buffer.contents buf);
  Seq.iter (fun c -> print_char (Char.uppercase_ascii c)) (Buffer.to_seq buf);
  print_newline ();
  Seq.iter (fun (i, c) -> Printf.printf "%d%c " i c) (Buffer.to_seqi buf);
  print_newline ();
  (* Option *)
  show "Option.to_seq Some" (Option.to_seq (Some 3));
  show "Option.to_seq None" (Option.to_seq None)
