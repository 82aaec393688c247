(* Exceptions with payloads of various types. *)
exception Code of int
exception Msg of string
exception Pair of int * string
exception Data of int list * bool
exception Nested of exn
let run f = try f (); "no exception" with
  | Code n -> "Code " ^ string_of_int n
  | Msg s -> "Msg " ^ s
  | Pair (n, s) -> Printf.sprintf "Pair (%d, %s)" n s
  | Data (l, b) -> Printf.sprintf "Data (%d items, %b)" (List.length l) b
  | Nested (Code n) -> Printf.sprintf "Nested Code %d" n
  | Nested _ -> "Nested other"
let () =
  print_endline (run (fun () -> raise (Code 404)));
  print_endline (run (fun () -> raise (Msg "hello")));
  print_endline (run (fun () -> raise (Pair (7, "seven"))));
  print_endline (run (fun () -> raise (Data ([1; 2; 3], true))));
  print_endline (run (fun () -> raise (Nested (Code 5))));
  print_endline (run (fun () -> raise (Nested (Msg "x"))));
  print_endline (run (fun () -> ()));
  let e = Code 1 in
  Printf.printf "%b %b\n" (e = Code 1) (e = Code 2);
  match (try raise (Code 99) with Code n when n > 50 -> n + 1 | Code n -> n) with
  | 100 -> print_endline "guard on handler ok"
  | _ -> print_endline "wrong"
