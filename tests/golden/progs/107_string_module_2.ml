(* String.equal compare index_opt contains uppercase_ascii lowercase_ascii. *)
let show_opt o = match o with Some i -> "Some " ^ string_of_int i | None -> "None"
let () =
  Printf.printf "%b %b %b\n" (String.equal "" "") (String.equal "a" "a") (String.equal "a" "A");
  List.iter (fun (a, b) -> Printf.printf "compare %s %s = %d\n" a b (String.compare a b))
    [("a", "b"); ("b", "a"); ("abc", "abc"); ("ab", "abc"); ("abc", "ab"); ("", "x"); ("Z", "a")];
  print_endline (show_opt (String.index_opt "hello" 'l'));
  print_endline (show_opt (String.index_opt "hello" 'h'));
  print_endline (show_opt (String.index_opt "hello" 'z'));
  print_endline (show_opt (String.index_opt "" 'a'));
  Printf.printf "%b %b %b\n" (String.contains "hello" 'e') (String.contains "hello" 'x') (String.contains "" 'x');
  print_endline (String.uppercase_ascii "Hello, World! 123 abc xyz");
  print_endline (String.lowercase_ascii "Hello, World! 123 ABC XYZ");
  print_endline (String.uppercase_ascii "");
  let words = ["banana"; "Apple"; "cherry"; "apple"] in
  let sorted = List.sort String.compare words in
  print_endline (String.concat " " sorted);
  let ci = List.stable_sort (fun a b -> String.compare (String.lowercase_ascii a) (String.lowercase_ascii b)) words in
  print_endline (String.concat " " ci)
