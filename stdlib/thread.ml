(* SPDX-License-Identifier: MIT
   thread.ml - module Thread: contexts (green threads) of a container, cooperative
   (docs/concurrency.md). A thread is its context id. *)
let create f x = Thread.create f x
let yield () = Thread.yield ()
let self () = Thread.self ()
let id t = Thread.id t

(* join t: a Join event (tag 8, runtime/include/sensevm/vmsched.h), which the CML engine
   commits when thread t has ended; syncing on it returns () directly. *)
type raw =
  | R0 of int | R1 of int | R2 of int | R3 of int | R4 of int | R5 of int | R6 of int
  | R7 of int | R_join of int
let join (t : Thread.t) : unit =
  Sense.__magic (Event.__sync (Sense.__magic (R_join (Sense.__magic t))))
