(* SPDX-License-Identifier: MIT
   lazy.ml - module Lazy: a suspension is one mutable block; `lazy e` is
   `Lazy.from_fun (fun () -> e)` (sensec). Forcing a suspension whose computation raised
   raises the same exception again; forcing it from inside itself raises Undefined. *)
type 'a state = Delayed of (unit -> 'a) | Forced of 'a | Failed of exn | Forcing
type 'a t = { mutable st : 'a state }
exception Undefined
let from_fun f = { st = Delayed f }
let from_val v = { st = Forced v }
let force l =
  match l.st with
  | Forced v -> v
  | Failed e -> raise e
  | Forcing -> raise Undefined
  | Delayed f ->
    l.st <- Forcing;
    (match f () with
     | v -> l.st <- Forced v; v
     | exception e -> l.st <- Failed e; raise e)
let force_val = force
let is_val l = match l.st with Forced _ -> true | _ -> false
let map f l = from_fun (fun () -> f (force l))
let map_val f l = if is_val l then from_val (f (force l)) else map f l
let lazy_from_fun = from_fun
let lazy_from_val = from_val
let lazy_is_val = is_val
