(* An exception raised inside a handler is not caught by that handler: status 2. *)
exception A
exception B of string
let () =
  (try
     (try raise A with A -> print_endline "handling A"; raise (B "from handler"))
   with A -> print_endline "outer A (wrong)");
  print_endline "unreachable"
