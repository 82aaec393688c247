(* a name for Printf's functions: let strf = Printf.sprintf, applied to literal formats *)
let strf = Printf.sprintf
let say = Printf.printf
let again = strf

open Printf

let p = printf

let () =
  say "%d %s\n" 3 (strf "<%s>" "x");
  let f = sprintf in
  print_endline (f "%d-%d" 1 2);
  p "%s\n" "done";
  let fp = Printf.fprintf in
  fp stdout "%c %b\n" 'z' true;
  let k = Format.asprintf in
  print_endline (k "%d|%5s|" 7 "ab");
  print_endline (String.concat "," (List.map (again "<%d>") [ 1; 2; 3 ]));
  (* shadowed: an ordinary function again *)
  let strf x = x ^ "!" in
  print_endline (strf "%d")
