(* An exception escaping through non-matching handlers in nested calls: status 2. *)
exception Fatal of string
let rec layer n =
  if n = 0 then raise (Fatal "deep")
  else try Printf.printf "enter %d\n" n; layer (n - 1) with Not_found -> print_endline "wrong handler"; 0
let () =
  (try ignore (layer 3) with Failure _ -> print_endline "also wrong");
  print_endline "unreachable"
