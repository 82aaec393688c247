(* Booleans and unit. *)
let show b = print_endline (string_of_bool b)
let u () = ()
let () =
  show true;
  show false;
  show (not true);
  show (true && false);
  show (true || false);
  show (1 < 2);
  show (() = ());
  let x : unit = u () in
  (match x with () -> print_endline "unit matched");
  show (true = true);
  show (false < true);
  show (compare true false > 0);
  print_endline (if true then "yes" else "no")
