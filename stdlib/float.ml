(* SPDX-License-Identifier: MIT
   float.ml - module Float: the part of OCaml 4.13's Float that the VM's float operations
   give exactly (no Float.Array, no succ/pred/fma/frexp, no functions without a primitive
   such as tan or log10). *)
let zero = 0.
let one = 1.
let minus_one = -1.
let infinity = 1.0 /. 0.0
let neg_infinity = -1.0 /. 0.0
let nan = 0.0 /. 0.0
let pi = 3.141592653589793
let max_float = 1.7976931348623157e308
let min_float = 2.2250738585072014e-308
let epsilon = 2.220446049250313e-16
let neg x = -. x
let add a b = a +. b
let sub a b = a -. b
let mul a b = a *. b
let div a b = a /. b
let rem a b = mod_float a b
let pow a b = a ** b
let abs x = abs_float x
(* the primitives as values (Float.sqrt x calls them; sqrt x expands them inline) *)
let sqrt x = sqrt x and exp x = exp x and log x = log x
let sin x = sin x and cos x = cos x
let floor x = floor x and ceil x = ceil x
let is_nan (x : float) = x <> x
let is_finite (x : float) = x -. x = 0.
let trunc x = if x >= 0. then floor x else ceil x
let is_integer x = x = trunc x && is_finite x
(* half-way cases away from zero, as OCaml's round *)
let round x =
  if x >= 0. then (let f = floor x in if x -. f >= 0.5 then f +. 1. else f)
  else if x < 0. then (let c = ceil x in if c -. x >= 0.5 then c -. 1. else c)
  else x
(* the sign bit of a number (of a NaN: false) *)
let sign_bit x = x < 0. || (x = 0. && 1. /. x < 0.)
let copy_sign x y = if sign_bit y then -. abs_float x else abs_float x
let of_int n = float_of_int n
let to_int x = int_of_float x
let of_string s = float_of_string s
let of_string_opt s = float_of_string_opt s
let to_string x = string_of_float x
let classify_float x = classify_float x
let compare (a : float) b = compare a b
let equal (a : float) b = compare a b = 0
(* a NaN argument gives NaN; -0. is below 0. *)
let min x y =
  if is_nan x then x else if is_nan y then y
  else if x < y || (x = y && sign_bit x) then x else y
let max x y =
  if is_nan x then x else if is_nan y then y
  else if x > y || (x = y && not (sign_bit x)) then x else y
let min_max x y = if is_nan x || is_nan y then (nan, nan) else (min x y, max x y)
(* NaN arguments are ignored *)
let min_num x y = if is_nan x then y else if is_nan y then x else min x y
let max_num x y = if is_nan x then y else if is_nan y then x else max x y
let min_max_num x y =
  if is_nan x then (y, y) else if is_nan y then (x, x) else (min x y, max x y)
let is_infinite x = x = infinity || x = neg_infinity
let hash x = Hashtbl.hash x
