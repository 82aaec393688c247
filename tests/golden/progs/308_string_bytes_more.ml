(* String and Bytes functions real programs use *)
let () =
  List.iter (fun s -> Printf.printf "[%s] " s) (String.split_on_char ',' "a,b,,c,");
  print_newline ();
  List.iter (fun s -> Printf.printf "[%s] " s) (String.split_on_char ' ' "");
  print_newline ();
  Printf.printf "index_opt %s %s\n"
    (match String.index_opt "hello" 'l' with Some i -> string_of_int i | None -> "None")
    (match String.index_opt "hello" 'z' with Some i -> string_of_int i | None -> "None");
  Printf.printf "starts_with %b %b %b ends_with %b %b\n" (String.starts_with ~prefix:"he" "hello")
    (String.starts_with ~prefix:"lo" "hello") (String.starts_with ~prefix:"" "") (String.ends_with ~suffix:"lo" "hello")
    (String.ends_with ~suffix:"hello!" "hello");
  Printf.printf "fold_left %d\n" (String.fold_left (fun acc c -> acc + Char.code c - 48) 0 "12345");
  Printf.printf "fold_right %s\n" (String.fold_right (fun c acc -> acc ^ String.make 1 c) "abc" "");
  Printf.printf "exists %b %b for_all %b %b\n" (String.exists (fun c -> c = 'x') "abc")
    (String.exists (fun c -> c = 'b') "abc") (String.for_all (fun c -> c >= 'a') "abc") (String.for_all (fun _ -> false) "");
  print_endline (String.of_seq (List.to_seq [ 'o'; 'k' ]));
  Printf.printf "[%s] %d\n" String.empty (String.length String.empty);
  let b = Bytes.of_string "hello world" in
  String.blit "HELLO" 0 b 0 5;
  print_endline (Bytes.to_string b);
  (try String.blit "x" 0 b 20 1 with Invalid_argument m -> print_endline m);
  Printf.printf "of_bytes %s to_bytes %d\n" (String.of_bytes (Bytes.make 3 'z')) (Bytes.length (String.to_bytes "four"));
  Printf.printf "rindex_from %d rindex_from_opt %b rcontains_from %b %b\n" (String.rindex_from "a.b.c" 2 '.')
    (String.rindex_from_opt "abc" 2 '.' = None) (String.rcontains_from "a.b" 2 '.') (String.rcontains_from "a.b" 0 '.');
  (* Bytes *)
  let b = Bytes.init 5 (fun i -> Char.chr (97 + i)) in
  print_endline (Bytes.to_string b);
  print_endline (Bytes.to_string (Bytes.sub b 1 3));
  (try ignore (Bytes.sub b 3 5) with Invalid_argument m -> print_endline m);
  print_endline (Bytes.to_string (Bytes.cat b (Bytes.of_string "XY")));
  print_endline (Bytes.to_string (Bytes.concat (Bytes.of_string ", ") [ Bytes.of_string "x"; Bytes.of_string "y"; Bytes.of_string "z" ]));
  Printf.printf "[%s]\n" (Bytes.to_string (Bytes.concat (Bytes.of_string "-") []));
  Printf.printf "[%s]\n" (Bytes.to_string (Bytes.extend (Bytes.of_string "abc") 1 2) |> String.map (fun c -> if c = '\000' then '_' else c));
  Printf.printf "[%s]\n" (Bytes.to_string (Bytes.extend (Bytes.of_string "abcdef") (-2) (-1)));
  Bytes.iter (fun c -> print_char (Char.uppercase_ascii c)) b;
  print_newline ();
  Bytes.iteri (fun i c -> if i mod 2 = 0 then print_char c) b;
  print_newline ();
  print_endline (Bytes.to_string (Bytes.map Char.uppercase_ascii b));
  print_endline (Bytes.to_string (Bytes.mapi (fun i c -> if i = 0 then '*' else c) b));
  Printf.printf "fold %d %s\n" (Bytes.fold_left (fun n _ -> n + 1) 0 b) (Bytes.fold_right (fun c s -> s ^ String.make 1 c) b "");
  Printf.printf "exists %b for_all %b\n" (Bytes.exists (fun c -> c = 'e') b) (Bytes.for_all (fun c -> c < 'e') b);
  Printf.printf "index %d index_opt %b contains %b\n" (Bytes.index b 'c') (Bytes.index_opt b 'q' = None) (Bytes.contains b 'd');
  Printf.printf "equal %b compare %d %d\n" (Bytes.equal b (Bytes.of_string "abcde")) (Bytes.compare b (Bytes.of_string "abd"))
    (Bytes.compare (Bytes.of_string "b") b);
  print_endline (Bytes.unsafe_to_string (Bytes.unsafe_of_string "unsafe"));
  Printf.printf "empty %d\n" (Bytes.length Bytes.empty)
