(* Declaring, raising and catching exceptions. *)
exception Oops
exception Bad_input
let check n = if n < 0 then raise Bad_input else if n = 13 then raise Oops else n * 2
let safe n = try string_of_int (check n) with Oops -> "oops" | Bad_input -> "bad input"
let () =
  List.iter (fun n -> print_endline (safe n)) [1; -1; 13; 20];
  let r = try raise Oops with Oops -> 1 in
  print_int r; print_newline ();
  let v = try 42 with Oops -> 0 in
  print_int v; print_newline ();
  (try print_endline "before"; ignore (raise Bad_input : int); print_endline "never"
   with Bad_input -> print_endline "caught");
  print_endline "after"
