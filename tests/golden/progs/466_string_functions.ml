(* The String functions real programs use: parsing key=value config lines, splitting,
   trimming, searching, case, escaping, prefixes, building with concat and map *)
let config = "  # sensor config\nname = node-7\nrate=50 \n\n  enabled= yes\nthresholds = 10, 20 ,30\nbad line\n"

let parse_line line =
  let line = String.trim line in
  if line = "" || line.[0] = '#' then None
  else
    match String.index_opt line '=' with
    | None -> Some (Error line)
    | Some i ->
      let k = String.trim (String.sub line 0 i) in
      let v = String.trim (String.sub line (i + 1) (String.length line - i - 1)) in
      Some (Ok (k, v))

let () =
  let entries = List.filter_map parse_line (String.split_on_char '\n' config) in
  List.iter
    (function Ok (k, v) -> Printf.printf "%-10s|%s|\n" k v | Error l -> Printf.printf "error: %S\n" l)
    entries;
  let th =
    match List.assoc_opt "thresholds" (List.filter_map Result.to_option entries) with
    | Some v -> List.map (fun s -> int_of_string (String.trim s)) (String.split_on_char ',' v)
    | None -> []
  in
  Printf.printf "thresholds sum %d\n" (List.fold_left ( + ) 0 th);
  let s = "Hello, Sense World" in
  Printf.printf "%s|%s|%s|%s\n" (String.uppercase_ascii s) (String.lowercase_ascii s)
    (String.capitalize_ascii "word") (String.uncapitalize_ascii "Word");
  Printf.printf "%d %d %b %b\n" (String.index s 'S') (String.rindex s 'o') (String.contains s 'W') (String.contains_from s 8 'H');
  Printf.printf "%b %b %b\n" (String.starts_with ~prefix:"Hell" s) (String.ends_with ~suffix:"World" s) (String.starts_with ~prefix:"x" s);
  print_endline (String.map (fun c -> if c = ' ' then '_' else c) s);
  print_endline (String.mapi (fun i c -> if i mod 2 = 0 then Char.uppercase_ascii c else c) "abcdefgh");
  print_endline (String.concat "/" [ "usr"; "local"; "lib" ]);
  print_endline (String.escaped "tab\there \"quoted\"\n\001");
  Printf.printf "%d\n" (String.fold_left (fun n c -> if c = 'l' then n + 1 else n) 0 s);
  Printf.printf "%s\n" (String.fold_right (fun c acc -> acc ^ String.make 1 c) "abc" "");
  Printf.printf "%b %b\n" (String.exists (fun c -> c = ',') s) (String.for_all (fun c -> c <> '!') s);
  let words = List.filter (fun w -> w <> "") (String.split_on_char ' ' "  the  quick brown   fox ") in
  Printf.printf "%d words: %s\n" (List.length words) (String.concat "," words);
  Printf.printf "[%s] [%s]\n" (String.make 3 '*') (String.init 5 (fun i -> Char.chr (48 + i)));
  Printf.printf "%d %d %d\n" (compare "abc" "abd") (String.compare "b" "a") (compare "" "a");
  let rev s = String.init (String.length s) (fun i -> s.[String.length s - 1 - i]) in
  print_endline (rev "stressed");
  Printf.printf "%S\n" (String.sub "0123456789" 3 4);
  (try ignore (String.sub "abc" 2 5) with Invalid_argument m -> print_endline m);
  Printf.printf "%d\n" (String.get_uint16_le "\x34\x12" 0);
  Printf.printf "%s\n" (String.trim "\t\n  padded \r\n")
