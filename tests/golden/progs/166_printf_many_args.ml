(* Printf with many arguments, and sprintf results reused. *)
let () =
  Printf.printf "%d %d %d %d %d %d %d %d\n" 1 2 3 4 5 6 7 8;
  Printf.printf "%s|%d|%c|%b|%x|%s|%i|%f|%%|%s\n" "a" 1 'c' false 171 "b" (-9) 0.25 "end";
  let row = Printf.sprintf "%3d%3d%3d%3d%3d%3d" 10 20 30 40 50 60 in
  print_endline row;
  print_int (String.length row); print_newline ();
  let cells = List.map (fun (a, b, c) -> Printf.sprintf "[%-3s|%4d|%c]" a b c) [("x", 1, 'p'); ("yy", 22, 'q'); ("zzz", 333, 'r')] in
  print_endline (String.concat "" cells);
  let fmt3 = Printf.sprintf "%d-%d-%d" in
  let partial = fmt3 1 in
  print_endline (partial 2 3);
  print_endline (fmt3 4 5 6)
