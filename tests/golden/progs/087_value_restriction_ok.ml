(* Weakly polymorphic values (value restriction) used at a single type. *)
let cache = ref []
let remember x = cache := x :: !cache
let empty_arr = [||]
let () =
  remember "first";
  remember "second";
  List.iter print_endline !cache;
  let r = ref None in
  r := Some 42;
  (match !r with Some n -> print_int n | None -> ());
  print_newline ();
  print_int (Array.length empty_arr); print_newline ();
  let id_applied = (fun x -> x) (fun y -> y) in
  print_int (id_applied 3); print_newline ();
  let poly_fn = fun x -> x in
  print_int (poly_fn 1); print_endline (poly_fn "-poly")
