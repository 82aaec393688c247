(* SPDX-License-Identifier: MIT
   int.ml - module Int (31-bit integers, see docs/language.md). *)
let zero = 0
let one = 1
let minus_one = -1
let max_int = 1073741823
let min_int = -1073741824
let neg x = - x
let add a b = a + b
let sub a b = a - b
let mul a b = a * b
let div a b = a / b
let rem a b = a mod b
let succ x = x + 1
let pred x = x - 1
let abs x = if x >= 0 then x else - x
let logand a b = a land b
let logor a b = a lor b
let logxor a b = a lxor b
let lognot x = x lxor (-1)
let shift_left a b = a lsl b
let shift_right a b = a asr b
let shift_right_logical a b = a lsr b
let equal (a : int) b = a = b
let compare (a : int) b = compare a b
let min (a : int) b = if a <= b then a else b
let max (a : int) b = if a >= b then a else b
let to_string x = string_of_int x
let to_float x = float_of_int x
let of_float f = int_of_float f
