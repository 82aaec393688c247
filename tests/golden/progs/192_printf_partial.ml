(* Printf.printf / sprintf partially applied and passed around. *)
let log = Printf.printf "[%s] %d\n"
let () =
  log "a" 1;
  let warn = log "warn" in
  warn 2; warn 3;
  let pr2 = Printf.printf "%d+%d\n" in
  List.iter (fun (x, y) -> pr2 x y) [(1, 2); (3, 4)];
  let fmt = Printf.sprintf "%s=%b" in
  print_endline (String.concat ", " (List.map (fun (k, v) -> fmt k v) [("x", true); ("y", false)]));
  let apply_fmt f = f 10 "ten" in
  print_endline (apply_fmt (Printf.sprintf "%d is %s"));
  List.iter (Printf.printf "<%d>") [1; 2; 3];
  print_newline ();
  List.iteri (Printf.printf "%d:%s ") ["zero"; "one"];
  print_newline ()
