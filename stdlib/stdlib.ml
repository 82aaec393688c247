(* SPDX-License-Identifier: MIT
   stdlib.ml - module Stdlib (opened everywhere). Most functions are primitives that sensec
   expands inline when fully applied; the wrappers below are what a program gets when it
   uses one as a value (List.map string_of_int l) or applies it partially. *)

type ('a, 'b) result = Ok of 'a | Error of 'b
type fpclass = FP_normal | FP_subnormal | FP_zero | FP_infinite | FP_nan

let max_int = 1073741823
let min_int = -1073741824

let ( + ) a b = a + b
let ( - ) a b = a - b
let ( * ) a b = a * b
let ( / ) a b = a / b
let ( mod ) a b = a mod b
let ( land ) a b = a land b
let ( lor ) a b = a lor b
let ( lxor ) a b = a lxor b
let ( lsl ) a b = a lsl b
let ( lsr ) a b = a lsr b
let ( asr ) a b = a asr b
let ( ~- ) a = - a
let succ a = succ a
let pred a = pred a
let ( +. ) a b = a +. b
let ( -. ) a b = a -. b
let ( *. ) a b = a *. b
let ( /. ) a b = a /. b
let ( ~-. ) a = -. a
let ( ** ) a b = a ** b
let ( = ) a b = a = b
let ( <> ) a b = a <> b
let ( < ) a b = a < b
let ( <= ) a b = a <= b
let ( > ) a b = a > b
let ( >= ) a b = a >= b
let ( == ) a b = a == b
let ( != ) a b = a != b
let compare a b = compare a b
let not b = not b
let ( ^ ) a b = a ^ b
let ref x = ref x
let ( ! ) r = !r
let ( := ) r v = r := v
let incr r = incr r
let decr r = decr r
let fst p = fst p
let snd p = snd p
let ignore x = ignore x
let raise e = raise e
let failwith s = failwith s
let invalid_arg s = invalid_arg s
let exit n = exit n
let ( |> ) x f = f x
let ( @@ ) f x = f x
let print_string s = print_string s
let print_int n = print_int n
let print_char c = print_char c
let print_float f = print_float f
let print_endline s = print_endline s
let print_newline () = print_newline ()
let prerr_string s = prerr_string s
let prerr_endline s = prerr_endline s
let string_of_int n = string_of_int n
let int_of_string s = int_of_string s
let string_of_float f = string_of_float f
let float_of_string s = float_of_string s
let float_of_int n = float_of_int n
let float n = float n
let int_of_float f = int_of_float f
let truncate f = truncate f
let int_of_char c = int_of_char c
let sqrt x = sqrt x
let exp x = exp x
let log x = log x
let sin x = sin x
let cos x = cos x
let floor x = floor x
let ceil x = ceil x
let abs_float x = abs_float x
let mod_float a b = mod_float a b
let __flush () = __flush ()

let min a b = if a <= b then a else b
let max a b = if a >= b then a else b
let abs x = if x >= 0 then x else - x
let string_of_bool b = if b then "true" else "false"
let bool_of_string s =
  match s with
  | "true" -> true
  | "false" -> false
  | _ -> invalid_arg "bool_of_string"
let bool_of_string_opt s =
  match s with
  | "true" -> Some true
  | "false" -> Some false
  | _ -> None
let int_of_string_opt s = try Some (int_of_string s) with Failure _ -> None
let float_of_string_opt s = try Some (float_of_string s) with Failure _ -> None
let char_of_int n =
  if n < 0 || n > 255 then invalid_arg "char_of_int" else Char.unsafe_chr n
let print_bytes b = print_string (Bytes.to_string b)

let rec ( @ ) l1 l2 =
  match l1 with
  | [] -> l2
  | h :: t -> h :: (t @ l2)

let nan = 0.0 /. 0.0
let infinity = 1.0 /. 0.0
let neg_infinity = -1.0 /. 0.0
let max_float = 1.7976931348623157e308
let min_float = 2.2250738585072014e-308
let epsilon_float = 2.220446049250313e-16
let raise_notrace e = raise e
let lnot x = x lxor (-1)
let ( ~+ ) x = x
let prerr_char c = prerr_string (String.make 1 c)
let prerr_int n = prerr_string (string_of_int n)
let prerr_float f = prerr_string (string_of_float f)
let prerr_newline () = prerr_string "\n"

(* output channels: the container's output and error streams (Sense has no files) *)
type out_channel = { __fd : int }
let stdout = { __fd = 1 }
let stderr = { __fd = 2 }
let output_string oc s = if oc.__fd = 2 then prerr_string s else print_string s
let output_char oc c = if oc.__fd = 2 then prerr_char c else print_char c
let output_bytes oc b = output_string oc (Bytes.to_string b)
let flush oc = if oc.__fd = 1 then __flush ()
let flush_all () = __flush ()
let classify_float (x : float) =
  if x <> x then FP_nan
  else if abs_float x = 1.0 /. 0.0 then FP_infinite
  else if x = 0. then FP_zero
  else if abs_float x < 2.2250738585072014e-308 then FP_subnormal
  else FP_normal
