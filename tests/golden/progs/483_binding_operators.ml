(* Binding operators over option and result: let*/let+ for sequencing, and+ / and* for
   combining independent validations, operators taken from a module by local open *)
module Opt = struct
  let ( let* ) = Option.bind
  let ( let+ ) o f = Option.map f o
  let ( and+ ) a b = match a, b with Some x, Some y -> Some (x, y) | _ -> None
  let ( and* ) = ( and+ )
end

module Validate = struct
  type 'a t = ('a, string list) result
  let ( let+ ) r f = match r with Ok x -> Ok (f x) | Error e -> Error e
  let ( and+ ) a b =
    match a, b with
    | Ok x, Ok y -> Ok (x, y)
    | Error e1, Error e2 -> Error (e1 @ e2)
    | Error e, _ | _, Error e -> Error e
  let check cond msg v : 'a t = if cond then Ok v else Error [ msg ]
end

type config = { name : string; port : int; retries : int }

let parse_config name port retries =
  let open Validate in
  let+ name = check (String.length name > 0) "empty name" name
  and+ port = check (port > 0 && port < 65536) (Printf.sprintf "bad port %d" port) port
  and+ retries = check (retries >= 0 && retries <= 10) "retries out of range" retries in
  { name; port; retries }

let lookup k l = List.assoc_opt k l

let env = [ ("host", "sense.local"); ("port", "8080"); ("debug", "yes"); ("bad_port", "http") ]

let endpoint () =
  let open Opt in
  let* host = lookup "host" env in
  let* port = Option.bind (lookup "port" env) int_of_string_opt in
  Some (Printf.sprintf "%s:%d" host port)

let pair k1 k2 =
  let open Opt in
  let+ a = lookup k1 env
  and+ b = lookup k2 env in
  a ^ "+" ^ b

let () =
  print_endline (Option.value (endpoint ()) ~default:"none");
  List.iter
    (fun (a, b) -> print_endline (Option.value (pair a b) ~default:(Printf.sprintf "missing %s or %s" a b)))
    [ ("host", "debug"); ("host", "nope"); ("nope", "port") ];
  let bad =
    let open Opt in
    let* p = lookup "bad_port" env in
    int_of_string_opt p
  in
  Printf.printf "bad port: %s\n" (match bad with None -> "None" | Some n -> string_of_int n);
  List.iter
    (fun (n, p, r) ->
      match parse_config n p r with
      | Ok c -> Printf.printf "ok %s:%d retries=%d\n" c.name c.port c.retries
      | Error errs -> Printf.printf "errors: %s\n" (String.concat "; " errs))
    [ ("node", 80, 3); ("", 80, 3); ("x", 0, 11); ("", 70000, -1) ];
  let sum =
    let open Opt in
    let* a = Some 1 and* b = Some 2 and* c = Some 3 in
    Some (a + b + c)
  in
  Printf.printf "%d\n" (Option.get sum)
