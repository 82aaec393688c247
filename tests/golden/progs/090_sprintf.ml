(* Printf.sprintf builds strings. *)
let () =
  let s = Printf.sprintf "%d-%s" 5 "five" in
  print_endline s;
  print_int (String.length (Printf.sprintf "%5d" 1)); print_newline ();
  let row name qty price = Printf.sprintf "%-10s%4d%10f" name qty price in
  print_endline (row "apples" 3 1.25);
  print_endline (row "kiwis" 12 0.5);
  let hex = List.map (fun n -> Printf.sprintf "%x" n) [0; 9; 10; 15; 16; 255; 4096; 48879] in
  print_endline (String.concat " " hex);
  let padded = Printf.sprintf "%03d|%3d|%-3d|" 7 7 7 in
  print_endline padded;
  print_endline (Printf.sprintf "%c%c" 'o' 'k');
  print_endline (Printf.sprintf "%b and %b" true false);
  print_endline (Printf.sprintf "100%%");
  print_endline (Printf.sprintf "no args");
  let f = Printf.sprintf "<%s>" in
  print_endline (f "partial")
