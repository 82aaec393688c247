(* %s and %S with a precision: OCaml pads to it when there is no width ("%.5s" is "%5s"),
   ignores it after a width, never truncates, and reads "%.-5s" as "%-5s" *)
let () =
  Printf.printf "[%.5s] [%-.5s] [%.5S] [%.2s] [%8.2s]\n" "foo" "foo" "foo" "foobar" "foobar";
  Printf.printf "[%.8S] [%-.8S] [%.-8s] [%5.8s] [%-5.1s] [%.0s]\n" "foo" "foo" "ab" "ab" "abc" "x";
  Printf.printf "[%.*s] [%.*s] [%-.*s]\n" 5 "foo" (-4) "y" 3 "z";
  print_endline (Printf.sprintf "<%.6s|%.3S>" "ab" "")
