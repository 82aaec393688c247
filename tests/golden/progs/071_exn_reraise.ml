(* Re-raising exceptions, handlers that do not match, and finally-like patterns. *)
exception A of int
exception B
let log = ref []
let with_log name f =
  log := ("enter " ^ name) :: !log;
  try let r = f () in log := ("leave " ^ name) :: !log; r
  with e -> log := ("unwind " ^ name) :: !log; raise e
let () =
  let r = try with_log "outer" (fun () -> with_log "inner" (fun () -> raise (A 3))) with A n -> n in
  print_int r; print_newline ();
  let r2 = with_log "ok" (fun () -> 5) in
  print_int r2; print_newline ();
  List.iter print_endline (List.rev !log);
  let r3 = try (try raise B with A _ -> "inner A") with B -> "outer B" in
  print_endline r3;
  let r4 = try (try raise (A 1) with A n -> raise (A (n + 10))) with A n -> "re-raised " ^ string_of_int n in
  print_endline r4;
  let classify e = match e with A n -> "A" ^ string_of_int n | B -> "B" | Not_found -> "NF" | _ -> "?" in
  List.iter (fun e -> print_endline (classify e)) [A 2; B; Not_found; Failure "x"]
