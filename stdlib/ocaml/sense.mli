(* SPDX-License-Identifier: MIT
   sense.mli - the Sense-only module Sense (stdlib/sense.ml) for real OCaml's type checker:
   time, sleeping, the progress monitor, devices and inter-container channels
   (docs/concurrency.md). Each call is one runtime service. *)

val sleep_ns : int -> unit
val sleep_us : int -> unit
val sleep_ms : int -> unit

(** milliseconds since the container started (31-bit, wraps after 12 days) *)
val time_ms : unit -> int

(** microseconds since the container started, modulo 2^30 *)
val time_us : unit -> int

(** sleep until the logical baseline [t] ms (drift-free periodic loops) *)
val sleep_until_ms : int -> unit

(** an event ready [n] nanoseconds from now *)
val after : int -> unit Event.event

(** report progress to the monitor (heartbeat) *)
val progress : unit -> unit

(** how many times the progress monitor flagged this container *)
val monitor_count : unit -> int

val dev_write : string -> int -> unit
val dev_read : string -> int
val dev_event : string -> int Event.event

(** non-blocking send on an inter-container channel; false if the message was dropped *)
val xsend : string -> 'a -> bool

val xreceive : string -> 'a Event.event
