(* SPDX-License-Identifier: MIT
   event.ml - module Event: Concurrent-ML channels and events (docs/concurrency.md).
   The sync/poll services return the value of the branch that fired with the list of its
   wrap functions, innermost first; a service cannot call bytecode, so they are applied
   here. *)
let new_channel () = Event.new_channel ()
let send c v = Event.send c v
let receive c = Event.receive c
let always v = Event.always v
let choose l = Event.choose l
let wrap e f = Event.wrap e f
let rec apply_wraps v fs = match fs with [] -> v | f :: r -> apply_wraps (f v) r

(* The shape of an event block (runtime/include/sensevm/vmsched.h): the i-th constructor
   has tag i. ev_sync returns the value of a base event itself; only choose and wrap give
   the pair (v, wraps), so the common `sync (send c v)` / `sync (receive c)` build no
   pair and apply no wraps. *)
type raw =
  | R_send of int * int | R_receive of int | R_always of int | R_choose of int
  | R_wrap of int * int | R_after of int | R_device of int | R_xreceive of int
  | R_join of int

let sync (e : 'a Event.event) : 'a =
  match (Sense.__magic e : raw) with
  | R_choose _ | R_wrap _ ->
    let (v, fs) = Sense.__magic (Event.__sync e) in
    Sense.__magic (apply_wraps v fs)
  | _ -> Sense.__magic (Event.__sync e)
let poll (e : 'a Event.event) : 'a option =
  match Sense.__magic (Event.__poll e) with
  | None -> None
  | Some (v, fs) -> Some (Sense.__magic (apply_wraps v fs))
let select l = sync (Event.choose l)
