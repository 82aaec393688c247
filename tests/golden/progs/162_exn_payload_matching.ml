(* Matching on exception payloads with nested patterns, or-patterns and guards. *)
exception Err of int * string list
exception Wrapped of (string * int) option
let classify f = try f (); "ok" with
  | Err (0, []) -> "Err zero empty"
  | Err (n, [s]) when n > 100 -> "Err big single " ^ s
  | Err (n, s :: _) -> Printf.sprintf "Err %d first %s" n s
  | Err (n, []) -> Printf.sprintf "Err %d empty" n
  | Wrapped (Some ("code", c)) -> "Wrapped code " ^ string_of_int c
  | Wrapped (Some (k, _)) -> "Wrapped key " ^ k
  | Wrapped None -> "Wrapped none"
  | Failure ("a" | "b") -> "Failure a-or-b"
  | Not_found | Division_by_zero -> "NF or DBZ"
let () =
  List.iter (fun f -> print_endline (classify f)) [
    (fun () -> raise (Err (0, [])));
    (fun () -> raise (Err (101, ["x"])));
    (fun () -> raise (Err (5, ["y"; "z"])));
    (fun () -> raise (Err (7, [])));
    (fun () -> raise (Wrapped (Some ("code", 3))));
    (fun () -> raise (Wrapped (Some ("other", 3))));
    (fun () -> raise (Wrapped None));
    (fun () -> failwith "b");
    (fun () -> ignore (1 / 0));
    (fun () -> raise Not_found);
    (fun () -> ()) ]
