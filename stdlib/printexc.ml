(* SPDX-License-Identifier: MIT
   printexc.ml - module Printexc: exceptions as OCaml prints them (no registered printers,
   no backtraces). An exception is a block: its name, then its arguments
   (runtime/include/sensevm/value.h); its size and the kinds of its arguments are told
   apart with compare, which orders values by kind (ints < blocks < strings < floats <
   arrays) and blocks of one tag by size before contents. *)

(* probes: exception blocks of 1 to 9 arguments, their names made "" (smaller than any
   exception name), so compare e p > 0 exactly when e has at least as many arguments *)
exception P1 of int
exception P2 of int * int
exception P3 of int * int * int
exception P4 of int * int * int * int
exception P5 of int * int * int * int * int
exception P6 of int * int * int * int * int * int
exception P7 of int * int * int * int * int * int * int
exception P8 of int * int * int * int * int * int * int * int
exception P9 of int * int * int * int * int * int * int * int * int

type fields = {
  mutable f0 : string; f1 : int; f2 : int; f3 : int; f4 : int; f5 : int; f6 : int;
  f7 : int; f8 : int; f9 : int;
}
let unname e = (Sense.__magic e : fields).f0 <- ""; e
let probes =
  [ unname (P1 0); unname (P2 (0, 0)); unname (P3 (0, 0, 0)); unname (P4 (0, 0, 0, 0));
    unname (P5 (0, 0, 0, 0, 0)); unname (P6 (0, 0, 0, 0, 0, 0));
    unname (P7 (0, 0, 0, 0, 0, 0, 0)); unname (P8 (0, 0, 0, 0, 0, 0, 0, 0));
    unname (P9 (0, 0, 0, 0, 0, 0, 0, 0, 0)) ]

(* compare at any two types, as the VM does *)
let cmp (a : 'a) (b : 'b) = compare a (Sense.__magic b : 'a)

(* the number of arguments of e (at most 9) *)
let arity (e : exn) =
  let rec count n l = match l with [] -> n | p :: r -> if cmp e p > 0 then count (n + 1) r else n in
  count 0 probes

let field (e : exn) i =
  let r = (Sense.__magic e : fields) in
  match i with
  | 1 -> r.f1 | 2 -> r.f2 | 3 -> r.f3 | 4 -> r.f4 | 5 -> r.f5 | 6 -> r.f6 | 7 -> r.f7
  | 8 -> r.f8 | _ -> r.f9

(* one argument as OCaml's Printexc prints it: an immediate (int, char, bool, constant
   constructor) in decimal, a string quoted, a float as string_of_float, else _ *)
let show_arg (v : int) =
  if cmp v max_int <= 0 then string_of_int v
  else
    try
      if cmp v "" >= 0 && cmp v nan < 0 then "\"" ^ String.escaped (Sense.__magic v : string) ^ "\""
      else if cmp v nan >= 0 && cmp v infinity <= 0 then string_of_float (Sense.__magic v : float)
      else "_"
    with Invalid_argument _ -> "_"

let name (e : exn) =
  (* sensec names an exception E of module M "M.E", as OCaml names a user module's; OCaml
     names those of the stdlib modules differently *)
  match (Sense.__magic e : fields).f0 with
  | "Queue.Empty" -> "Stdlib.Queue.Empty"
  | "Stack.Empty" -> "Stdlib.Stack.Empty"
  | "Lazy.Undefined" -> "CamlinternalLazy.Undefined"
  | n -> n

let located file line c1 c2 what =
  "File \"" ^ file ^ "\", line " ^ string_of_int line ^ ", characters " ^ string_of_int c1 ^ "-"
  ^ string_of_int c2 ^ ": " ^ what

let rec to_string (e : exn) =
  match e with
  | Out_of_memory -> "Out of memory"
  | Stack_overflow -> "Stack overflow"
  | Match_failure (file, line, char) ->
    located file line char (char + 5) "Pattern matching failed"
  | Assert_failure (file, line, char) ->
    located file line char (char + 6) "Assertion failed"
  | Fun.Finally_raised inner -> "Fun.Finally_raised: " ^ to_string inner
  | _ ->
    let n = arity e in
    if n = 0 then name e
    else begin
      let args = ref [] in
      for i = n downto 1 do args := show_arg (field e i) :: !args done;
      name e ^ "(" ^ String.concat ", " !args ^ ")"
    end
let to_string_default e = to_string e
let print f x =
  try f x with e -> prerr_string ("Uncaught exception: " ^ to_string e ^ "\n"); raise e
let catch f x =
  try f x with e -> prerr_string ("Uncaught exception: " ^ to_string e ^ "\n"); exit 2
let record_backtrace (_ : bool) = ()
let backtrace_status () = false
let get_backtrace () = ""
