(* Attributes are accepted and ignored, as OCaml ignores the ones it does not act on. *)
[@@@warning "-32"]
[@@@ocaml.warning "-27-26"]

let[@inline] succ2 x = x + 2
let twice f x = f (f x) [@@inline never]
let unused_one y = y
type colour = Red | Green [@@deriving show] [@@ocaml.doc "a (bracketed ] text"]
type point = { x : int; y : int [@default 0] }
exception Oops [@@ocaml.doc "raised on purpose"]

let[@specialise] rec count n = if n = 0 then 0 else 1 + (count [@tailcall false]) (n - 1)

let () =
  let[@warning "-26"] z = 5 in
  Printf.printf "%d %d %d\n" (succ2 1) (twice succ2 1) (count 10 [@attr]);
  let p = { x = 1; y = 2 } [@attr "record"] in
  (match Red with Red [@attr] -> print_endline "red" | Green -> print_endline "green");
  Printf.printf "%d\n" (p.x + p.y);
  (try raise Oops with Oops -> print_endline "oops" (* [@ not an attribute in a comment *));
  ignore (z : int)
