(* String comparison is by unsigned bytes, then length. *)
let show_cmp a b = Printf.printf "%d " (compare a b)
let () =
  show_cmp "\200" "a";
  show_cmp "a" "\200";
  show_cmp "\255" "\001";
  show_cmp "abc\255" "abc";
  show_cmp "abc" "abc\000";
  show_cmp "" "\000";
  show_cmp "Z" "a";
  show_cmp "\127" "\128";
  print_newline ();
  Printf.printf "%b %b %b\n" ("\200" > "z") ("\000" < "\001") ("ab" < "ab\000");
  let l = List.sort compare ["\200x"; "b"; "\001"; "B"; "\255"; "bb"; ""] in
  List.iter (fun s -> Printf.printf "%d," (String.length s); if String.length s > 0 then Printf.printf "%d " (Char.code s.[0]) else print_string "- ") l;
  print_newline ();
  Printf.printf "%d %d\n" (String.compare "\128" "\127") (compare 'a' '\200')
