(* SPDX-License-Identifier: MIT
   event.mli - Sense's Event module (stdlib/event.ml) for real OCaml's type checker: the
   part of OCaml's Event (threads library) that Sense provides, with the same types.
   See docs/concurrency.md. *)

type 'a channel
type 'a event

val new_channel : unit -> 'a channel
val send : 'a channel -> 'a -> unit event
val receive : 'a channel -> 'a event
val always : 'a -> 'a event
val choose : 'a event list -> 'a event
val wrap : 'a event -> ('a -> 'b) -> 'b event
val sync : 'a event -> 'a
val poll : 'a event -> 'a option
val select : 'a event list -> 'a
