(* SPDX-License-Identifier: MIT
   thread.ml - module Thread: contexts (green threads) of a container, cooperative
   (docs/concurrency.md). A thread is its context id. *)
let create f x = Thread.create f x
let yield () = Thread.yield ()
let self () = Thread.self ()
let id t = Thread.id t
