(* Regression: an or-pattern of wildcards left a column of wildcards that made the match
   compiler dereference a null pointer (sensec crashed with SIGSEGV). *)
let f x = match x with (_ | _) -> 1
let g y = match y with (a, (_ | _)) -> a
let h = function (0 | _) as v -> v + 1
let () =
  print_int (f 5); print_int (g (10, "x")); print_int (h 41); print_newline ()
