(* SPDX-License-Identifier: MIT
   result.ml - module Result (the type itself, ('a, 'e) result = Ok | Error, is in
   Stdlib, as in OCaml). *)
type ('a, 'e) t = ('a, 'e) result

let ok v = Ok v
let error e = Error e
let value r ~default = match r with Ok v -> v | Error _ -> default
let get_ok r = match r with Ok v -> v | Error _ -> invalid_arg "result is Error _"
let get_error r = match r with Error e -> e | Ok _ -> invalid_arg "result is Ok _"
let bind r f = match r with Ok v -> f v | Error e -> Error e
let join r = match r with Ok r -> r | Error e -> Error e
let map f r = match r with Ok v -> Ok (f v) | Error e -> Error e
let map_error f r = match r with Error e -> Error (f e) | Ok v -> Ok v
let fold ~ok ~error r = match r with Ok v -> ok v | Error e -> error e
let iter f r = match r with Ok v -> f v | Error _ -> ()
let iter_error f r = match r with Error e -> f e | Ok _ -> ()
let is_ok r = match r with Ok _ -> true | Error _ -> false
let is_error r = match r with Error _ -> true | Ok _ -> false
let equal ~ok ~error r0 r1 =
  match (r0, r1) with
  | (Ok v0, Ok v1) -> ok v0 v1
  | (Error e0, Error e1) -> error e0 e1
  | _ -> false
let compare ~ok ~error r0 r1 =
  match (r0, r1) with
  | (Ok v0, Ok v1) -> ok v0 v1
  | (Error e0, Error e1) -> error e0 e1
  | (Ok _, Error _) -> -1
  | (Error _, Ok _) -> 1
let to_option r = match r with Ok v -> Some v | Error _ -> None
let to_list r = match r with Ok v -> [ v ] | Error _ -> []
let to_seq r = match r with Ok v -> Seq.return v | Error _ -> Seq.empty
