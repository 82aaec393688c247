(* An exception raised three calls deep, caught, re-raised by a handler and left
   uncaught: the backtrace of tests/debug/test_debug.py. *)
let rec find k l =
  match l with
  | [] -> raise Not_found
  | (a, b) :: rest -> if a = k then b else find k rest

let lookup k =
  let v = find k [ (1, "one"); (2, "two") ] in
  String.length v

let total k =
  let n = lookup k in
  n + 1

let guarded k =
  try total k with e -> print_endline "cleaning up"; raise e

let () = print_int (guarded 5)
