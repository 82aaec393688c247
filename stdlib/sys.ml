(* SPDX-License-Identifier: MIT
   sys.ml - module Sys: the constants of the Sense VM (docs/language.md). Sense has no
   files, environment or processes; Sys.argv is the runner's arguments (the argv service). *)
type backend_type = Native | Bytecode | Other of string

let os_type = "Sense"
let backend_type = Other "sensevm"
let unix = false
let win32 = false
let cygwin = false
(* a value is one 32-bit word; ints are 31-bit, as OCaml's on a 32-bit machine *)
let word_size = 32
let int_size = 31
let big_endian = false
(* an object's size field has 20 bits (bytecode-spec/include/sensevm/image.h): at most
   2^20 - 1 fields, and a string's length word leaves 2^20 - 2 words of bytes *)
let max_array_length = 1048575
let max_floatarray_length = 1048575
let max_string_length = 4194296
(* the OCaml release whose semantics Sense follows *)
let ocaml_version = "4.13.1"
let interactive = ref false
(* seconds since the container started, from its millisecond clock *)
let time () = float_of_int (Sense.time_ms ()) /. 1000.
let getenv (_ : string) : string = raise Not_found
let getenv_opt (_ : string) : string option = None
let opaque_identity x = x
(* the runner's program arguments; element 0 is the image path (OCaml's: the program name) *)
let argv = Sys.__argv ()
