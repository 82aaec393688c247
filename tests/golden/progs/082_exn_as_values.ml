(* Exceptions as first-class values: stored, compared, raised later. *)
exception E of int
exception F
let exns = [E 1; F; Not_found; Failure "f"; Invalid_argument "i"; E 2; Division_by_zero]
let name e = match e with
  | E n -> "E " ^ string_of_int n
  | F -> "F"
  | Not_found -> "Not_found"
  | Failure s -> "Failure " ^ s
  | Invalid_argument s -> "Invalid_argument " ^ s
  | Division_by_zero -> "Division_by_zero"
  | _ -> "unknown"
let () =
  List.iter (fun e -> print_endline (name e)) exns;
  List.iter (fun e -> try raise e with ex -> print_endline ("raised and caught: " ^ name ex)) exns;
  Printf.printf "%b %b %b\n" (E 1 = E 1) (E 1 = E 2) (F = F);
  let pending = ref None in
  (try pending := Some (E 7) with _ -> ());
  match !pending with
  | Some e -> (try raise e with E n -> Printf.printf "deferred %d\n" n)
  | None -> ()
