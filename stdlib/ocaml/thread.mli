(* SPDX-License-Identifier: MIT
   thread.mli - Sense's Thread module (stdlib/thread.ml) for real OCaml's type checker: the
   part of OCaml's Thread (threads library) that Sense provides, with the same types.
   A thread is a context of the container, scheduled cooperatively (docs/concurrency.md). *)

type t

val create : ('a -> 'b) -> 'a -> t
val yield : unit -> unit
val self : unit -> t
val id : t -> int
val join : t -> unit
