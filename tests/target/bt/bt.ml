(* The on-target backtrace test (fw_backtrace): Not_found raised three calls deep, caught,
   re-raised, uncaught. No stdlib calls, so that bt.s (sensec -S) links alone. *)
let rec find k l =
  match l with
  | [] -> raise Not_found
  | (a, b) :: rest -> if a = k then b else find k rest

let lookup k =
  let v = find k [ (1, 10); (2, 20) ] in
  v * 2

let total k =
  let n = lookup k in
  n + 1

let guarded k =
  try total k with e -> print_string "cleaning up\n"; raise e

let () = print_int (guarded 5)
