(* A line protocol parser with a result type and let* (binding operators), exceptions in
   match, a module with a signature for the parsed commands. *)
type ('a, 'e) res = Okay of 'a | Fail of 'e

let ( let* ) r f = match r with Okay x -> f x | Fail e -> Fail e
let ( let+ ) r f = match r with Okay x -> Okay (f x) | Fail e -> Fail e

module Command : sig
  type t = Set of string * int | Get of string | Reset
  val parse : string -> (t, string) res
  val to_string : t -> string
end = struct
  type t = Set of string * int | Get of string | Reset

  let int_of s = match int_of_string s with n -> Okay n | exception Failure _ -> Fail ("bad number " ^ s)
  let key s = if s = "" then Fail "empty key" else Okay s

  let parse line =
    match String.split_on_char ' ' (String.trim line) with
    | [ "SET"; k; v ] ->
      let* k = key k in
      let+ v = int_of v in
      Set (k, v)
    | [ "GET"; k ] -> let+ k = key k in Get k
    | [ "RESET" ] -> Okay Reset
    | w :: _ -> Fail ("unknown command " ^ w)
    | [] -> Fail "empty line"

  let to_string = function
    | Set (k, v) -> Printf.sprintf "set %s := %d" k v
    | Get k -> "get " ^ k
    | Reset -> "reset"
end

let run lines =
  let store = ref [] in
  List.iter (fun line ->
      match Command.parse line with
      | Fail e -> Printf.printf "error: %s\n" e
      | Okay c ->
        print_endline (Command.to_string c);
        (match c with
         | Command.Set (k, v) -> store := (k, v) :: List.remove_assoc k !store
         | Command.Get k ->
           (match List.assoc k !store with
            | v -> Printf.printf "  %s = %d\n" k v
            | exception Not_found -> Printf.printf "  %s unset\n" k)
         | Command.Reset -> store := []))
    lines

let () = run [ "SET temp 21"; "GET temp"; "SET temp x"; "GET hum"; "FROB"; "SET  1"; "RESET"; "GET temp" ]
