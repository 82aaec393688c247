(* Filename (stdlib module with top-level string values: its initialiser runs before the program) *)
let names = [""; "/"; "//"; "a"; "a/"; "a//"; "/a"; "//a"; "a/b"; "a//b/"; "/a/b/c.txt"; "."; ".."; "./x"; "../x";
  ".bashrc"; "a/.bashrc"; "a.b.c"; "a/b.c/d"; "x.tar.gz"; "..x"; "a/..b"; "a."; "a/b."; "dir.d/"; "..."; "x..y"]
let q s = "\"" ^ s ^ "\""
let () =
  List.iter (fun n ->
    Printf.printf "%-14s base=%s dir=%s ext=%s noext=%s rel=%b impl=%b\n" (q n) (q (Filename.basename n)) (q (Filename.dirname n))
      (q (Filename.extension n)) (q (Filename.remove_extension n)) (Filename.is_relative n) (Filename.is_implicit n)) names;
  print_endline (Filename.concat "a" "b" ^ " " ^ Filename.concat "a/" "b" ^ " " ^ Filename.concat "" "b");
  print_endline (Filename.current_dir_name ^ Filename.parent_dir_name ^ Filename.dir_sep);
  Printf.printf "%b %b %s\n" (Filename.check_suffix "x.ml" ".ml") (Filename.check_suffix "ml" ".ml") (Filename.chop_suffix "x.ml" ".ml");
  (try ignore (Filename.chop_suffix "x" ".ml") with Invalid_argument m -> print_endline m);
  (try ignore (Filename.chop_extension "x") with Invalid_argument m -> print_endline m);
  print_endline (Filename.chop_extension "a/b.c")
