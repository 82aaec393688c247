(* SPDX-License-Identifier: MIT
   gc.ml - module Gc: the requests programs make to OCaml's collector. Sense's collector
   runs when the heap fills (docs/runtime.md) and has no service to start a collection on
   demand, so these are no-ops; Gc.stat/quick_stat/counters need a compiler primitive for
   a counters service (not there yet). *)
let minor () = ()
let major () = ()
let full_major () = ()
let compact () = ()
let major_slice (_ : int) = 0
