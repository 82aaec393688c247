(* match ... with exception, mixed with value cases; local exceptions. *)
exception Bad of int

let find k l =
  match List.assoc k l with
  | v -> Printf.printf "found %d\n" v
  | exception Not_found -> print_endline "missing"

let classify x =
  match (if x > 2 then raise (Bad x) else x) with
  | 0 -> "zero"
  | exception Bad n when n > 5 -> "big"
  | n -> string_of_int n
  | exception Bad n -> "bad " ^ string_of_int n

(* an exception raised by a value case is not caught by the exception cases *)
let escapes () =
  try (match 1 with 1 -> raise Not_found | _ -> "no" | exception Not_found -> "wrong")
  with Not_found -> "escaped"

(* exceptions not named propagate *)
let propagates () =
  try (match raise Exit with () -> "unit" | exception Not_found -> "nf") with Exit -> "exit"

let read_all lines =
  let q = ref lines in
  let next () = match !q with [] -> raise End_of_file | x :: r -> q := r; x in
  let rec loop acc =
    match next () with
    | line -> loop (line :: acc)
    | exception End_of_file -> List.rev acc
  in
  loop []

let first_over limit l =
  let exception Found of int in
  try List.iter (fun x -> if x > limit then raise (Found x)) l; None
  with Found x -> Some x

let () =
  find 1 [ (1, 10) ];
  find 2 [ (1, 10) ];
  List.iter (fun x -> print_endline (classify x)) [ 0; 1; 3; 7 ];
  print_endline (escapes ());
  print_endline (propagates ());
  print_endline (String.concat "," (read_all [ "a"; "b"; "c" ]));
  (match first_over 2 [ 1; 2; 3; 4 ] with Some x -> Printf.printf "over %d\n" x | None -> ());
  (match first_over 9 [ 1 ] with Some _ -> () | None -> print_endline "none");
  let exception Local in
  match raise Local with () -> () | exception Local -> print_endline "local"
