(* Option.fold/compare/to_result/to_seq, Either, Buffer additions, Stdlib additions *)
let () =
  Printf.printf "fold %d %d\n" (Option.fold ~none:0 ~some:(fun x -> x + 1) (Some 4))
    (Option.fold ~none:0 ~some:(fun x -> x + 1) None);
  Printf.printf "compare %d %d %d %d\n" (Option.compare compare (Some 1) (Some 2)) (Option.compare compare None None)
    (Option.compare compare None (Some 0)) (Option.compare compare (Some 0) None);
  (match Option.to_result ~none:"missing" (Some 3) with Ok v -> Printf.printf "Ok %d\n" v | Error e -> print_endline e);
  (match Option.to_result ~none:"missing" None with Ok v -> Printf.printf "Ok %d\n" v | Error e -> print_endline e);
  Printf.printf "to_seq %d\n" (Seq.fold_left ( + ) 0 (Option.to_seq (Some 9)));
  (* Either *)
  let l = [ Either.Left 1; Either.Right "r"; Either.left 2; Either.right "s" ] in
  List.iter
    (fun e ->
       Printf.printf "%b %b %s %s | " (Either.is_left e) (Either.is_right e)
         (match Either.find_left e with Some v -> string_of_int v | None -> "-")
         (match Either.find_right e with Some v -> v | None -> "-"))
    l;
  print_newline ();
  let show e = Either.fold ~left:(fun n -> "L" ^ string_of_int n) ~right:(fun s -> "R" ^ s) e in
  List.iter (fun e -> print_string (show e ^ " ")) (List.map (Either.map_left (fun n -> n * 10)) l);
  print_newline ();
  List.iter (fun e -> print_string (show e ^ " ")) (List.map (Either.map_right String.uppercase_ascii) l);
  print_newline ();
  List.iter
    (fun e -> print_string (show (Either.map ~left:(fun n -> -n) ~right:(fun s -> s ^ s) e) ^ " "))
    l;
  print_newline ();
  Either.iter ~left:(fun n -> Printf.printf "iter left %d\n" n) ~right:print_endline (Either.Left 5);
  Printf.printf "for_all %b %b\n" (Either.for_all ~left:(fun n -> n > 0) ~right:(fun _ -> false) (Either.Left 1))
    (Either.for_all ~left:(fun n -> n > 0) ~right:(fun _ -> false) (Either.Right "x"));
  let eq a b = Either.equal ~left:( = ) ~right:String.equal a b in
  let cmp a b = Either.compare ~left:compare ~right:compare a b in
  Printf.printf "equal %b %b compare %d %d %d\n" (eq (Either.Left 1) (Either.Left 1)) (eq (Either.Left 1) (Either.Right "1"))
    (cmp (Either.Left 1) (Either.Right "a")) (cmp (Either.Right "b") (Either.Right "a")) (cmp (Either.Left 2) (Either.Left 2));
  (* Buffer *)
  let b = Buffer.create 4 in
  Buffer.add_string b "hello";
  Buffer.add_bytes b (Bytes.of_string ", ");
  Buffer.add_substring b "the world!" 4 5;
  Buffer.add_subbytes b (Bytes.of_string "!?") 0 1;
  print_endline (Buffer.contents b);
  Printf.printf "sub [%s] length %d\n" (Buffer.sub b 7 5) (Buffer.length b);
  (try ignore (Buffer.sub b 10 10) with Invalid_argument m -> print_endline m);
  (try Buffer.add_substring b "abc" 2 5 with Invalid_argument m -> print_endline m);
  let dst = Bytes.make 5 '.' in
  Buffer.blit b 0 dst 1 3;
  print_endline (Bytes.to_string dst);
  (try Buffer.blit b 0 dst 4 3 with Invalid_argument m -> print_endline m);
  Buffer.truncate b 5;
  print_endline (Buffer.contents b);
  (try Buffer.truncate b 6 with Invalid_argument m -> print_endline m);
  print_endline (Bytes.to_string (Buffer.to_bytes b));
  (* Stdlib *)
  Printf.printf "%d\n" (~+ 3);
  prerr_int 1; prerr_char ' '; prerr_float 2.5; prerr_newline ()
