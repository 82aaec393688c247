(* SPDX-License-Identifier: MIT
   char.ml - module Char. *)
let code c = Char.code c
let unsafe_chr n = Char.unsafe_chr n
let chr n = if n < 0 || n > 255 then invalid_arg "Char.chr" else Char.unsafe_chr n
let lowercase_ascii c =
  if c >= 'A' && c <= 'Z' then Char.unsafe_chr (Char.code c + 32) else c
let uppercase_ascii c =
  if c >= 'a' && c <= 'z' then Char.unsafe_chr (Char.code c - 32) else c
let compare (a : char) (b : char) = Char.code a - Char.code b
let equal (a : char) (b : char) = a = b
let escaped c =
  match c with
  | '\'' -> "\\'"
  | '\\' -> "\\\\"
  | '\n' -> "\\n"
  | '\t' -> "\\t"
  | '\r' -> "\\r"
  | '\b' -> "\\b"
  | ' ' .. '~' -> String.make 1 c
  | _ ->
    let n = Char.code c in
    let b = Bytes.create 4 in
    Bytes.set b 0 '\\';
    Bytes.set b 1 (Char.unsafe_chr (48 + n / 100));
    Bytes.set b 2 (Char.unsafe_chr (48 + (n / 10) mod 10));
    Bytes.set b 3 (Char.unsafe_chr (48 + n mod 10));
    Bytes.to_string b
