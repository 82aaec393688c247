(* Matching on integer, char, bool and string constants. *)
let int_name n = match n with
  | 0 -> "zero" | 1 -> "one" | 2 -> "two" | -1 -> "minus one"
  | 100 -> "hundred" | 0x20 -> "thirty-two" | _ -> "other"
let char_kind c = match c with
  | 'a' | 'e' | 'i' | 'o' | 'u' -> "vowel"
  | ' ' -> "space" | '\n' -> "newline"
  | _ -> "consonant-or-other"
let bool_str b = match b with true -> "T" | false -> "F"
let greet s = match s with
  | "hello" -> "hi there"
  | "bye" -> "see you"
  | "" -> "empty"
  | _ -> "what?"
let () =
  List.iter (fun n -> Printf.printf "%d -> %s\n" n (int_name n)) [0; 1; 2; -1; 100; 32; 7];
  List.iter (fun c -> Printf.printf "'%c' %s\n" c (char_kind c)) ['a'; 'b'; ' '; 'u'; 'z'];
  print_endline (char_kind '\n');
  print_endline (bool_str true ^ bool_str false);
  List.iter (fun s -> print_endline (greet s)) ["hello"; "bye"; ""; "hellO"; "hello!"]
