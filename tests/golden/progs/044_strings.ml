(* String operations. *)
let () =
  let s = "Hello, World" in
  print_int (String.length s); print_newline ();
  print_char s.[0]; print_char (String.get s 7); print_newline ();
  print_endline (String.sub s 7 5);
  print_endline (s ^ "!" ^ "!");
  print_endline (String.make 5 '-');
  print_endline (String.concat " | " ["a"; "bb"; "ccc"]);
  print_endline (String.uppercase_ascii s);
  print_endline (String.lowercase_ascii s);
  Printf.printf "%b %b\n" (String.equal "abc" "abc") (String.equal "abc" "abd");
  Printf.printf "%b %b %b\n" ("abc" < "abd") ("b" > "abc") ("" < "a");
  let rev str =
    let n = String.length str in
    String.concat "" (List.init n (fun i -> String.make 1 str.[n - 1 - i])) in
  print_endline (rev "stressed");
  print_endline (string_of_int 123 ^ string_of_bool true)
