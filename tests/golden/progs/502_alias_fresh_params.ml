(* `C p as x`: x has C's type with fresh parameters where C's arguments do not mention
   them, as OCaml types it (tests/golden/known/BUGS.md B5): the bind/map idiom over result and option. *)
let bind r f = match r with Ok x -> f x | Error _ as e -> e
let map_opt f = function Some x -> Some (f x) | None as n -> n
let map_err f = function Error e -> Error (f e) | Ok _ as ok -> ok

let parse s = match int_of_string_opt s with Some n -> Ok n | None -> Error ("not a number: " ^ s)
let positive n = if n > 0 then Ok n else Error "not positive"

let show = function Ok n -> Printf.printf "ok %d\n" n | Error m -> Printf.printf "error %s\n" m

let () =
  show (bind (parse "42") positive);
  show (bind (parse "x") positive);
  show (bind (parse "-3") positive);
  (match bind (Ok 1) (fun x -> Ok (string_of_int (x + 1))) with
   | Ok s -> print_endline s
   | Error () -> print_endline "error");
  (match map_opt string_of_int (Some 3) with Some s -> print_endline s | None -> ());
  (match map_opt (fun x -> x + 1) None with Some n -> print_int n | None -> print_endline "none");
  match map_err String.length (Error "four") with Error n -> Printf.printf "%d\n" n | Ok () -> ()
