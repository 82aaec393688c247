(* `p | exception q -> e`: one case for a value and an exception, binding the same names *)
exception Text of string
exception Code of int * string

let parse s =
  if s = "" then raise (Text "empty")
  else if s.[0] = '!' then raise (Code (String.length s, s))
  else String.uppercase_ascii s

let describe s =
  match parse s with
  | str | exception Text str -> "text " ^ str
  | exception Code (n, str) when n > 3 -> Printf.sprintf "long code %d %s" n str
  | exception Code (_, str) -> "code " ^ str

let classify n =
  match if n < 0 then raise (Code (n, "neg")) else n with
  | 0 | exception Code (0, _) -> "zero"
  | k when k > 100 -> "far " ^ string_of_int k
  | k -> "near " ^ string_of_int k
  | exception Code (k, msg) -> msg ^ " " ^ string_of_int k

let () =
  List.iter (fun s -> print_endline (describe s)) [ "abc"; ""; "!x"; "!long" ];
  List.iter (fun n -> print_endline (classify n)) [ 0; 5; 500; -3; -500 ]
