(* A serial-console command parser: tokenise a line, parse arguments by type, dispatch,
   report errors with result; the device state is a record of mutable fields *)
type arg = A_int of int | A_str of string | A_bool of bool
type cmd = Led of int * bool | Rate of int | Echo of string list | Status | Reset | Help

type device = { mutable leds : bool array; mutable rate : int; mutable resets : int }

let tokenize line = List.filter (fun s -> s <> "") (String.split_on_char ' ' (String.trim line))

let parse_arg s =
  match s with
  | "on" | "true" -> A_bool true
  | "off" | "false" -> A_bool false
  | _ -> (match int_of_string_opt s with Some n -> A_int n | None -> A_str s)

let ( let* ) r f = match r with Ok x -> f x | Error e -> Error e

let int_arg name = function A_int n -> Ok n | _ -> Error (name ^ ": expected a number")
let bool_arg name = function A_bool b -> Ok b | _ -> Error (name ^ ": expected on/off")

let parse line =
  match tokenize line with
  | [] -> Error "empty line"
  | verb :: args ->
    let args = List.map parse_arg args in
    (match String.lowercase_ascii verb, args with
     | "led", [ n; st ] ->
       let* n = int_arg "led" n in
       let* st = bool_arg "led" st in
       if n < 0 || n > 3 then Error (Printf.sprintf "led: no led %d" n) else Ok (Led (n, st))
     | "rate", [ r ] ->
       let* r = int_arg "rate" r in
       if r <= 0 then Error "rate: must be positive" else Ok (Rate r)
     | "echo", l -> Ok (Echo (List.map (function A_int n -> string_of_int n | A_str s -> s | A_bool b -> string_of_bool b) l))
     | "status", [] -> Ok Status
     | "reset", [] -> Ok Reset
     | ("help" | "?"), _ -> Ok Help
     | v, _ -> Error ("unknown command or arguments: " ^ v))

let exec dev = function
  | Led (n, st) -> dev.leds.(n) <- st; Printf.sprintf "led %d %s" n (if st then "on" else "off")
  | Rate r -> dev.rate <- r; Printf.sprintf "rate %d Hz" r
  | Echo l -> String.concat " " l
  | Status ->
    Printf.sprintf "leds=%s rate=%d resets=%d"
      (String.concat "" (Array.to_list (Array.map (fun b -> if b then "1" else "0") dev.leds))) dev.rate dev.resets
  | Reset -> dev.leds <- Array.make 4 false; dev.rate <- 10; dev.resets <- dev.resets + 1; "reset"
  | Help -> "commands: led N on|off, rate N, echo ..., status, reset"

let () =
  let dev = { leds = Array.make 4 false; rate = 10; resets = 0 } in
  List.iter
    (fun line ->
      Printf.printf "> %s\n%s\n" line
        (match parse line with Ok c -> exec dev c | Error e -> "error: " ^ e))
    [ "led 1 on"; "LED 3 true"; "led 4 on"; "led x on"; "led 2 maybe"; "rate 100"; "rate -1"; "status";
      "echo hello  42 on"; "   "; "frobnicate"; "reset"; "status"; "?" ]
