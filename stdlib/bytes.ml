(* SPDX-License-Identifier: MIT
   bytes.ml - module Bytes (mutable byte strings). *)
let create n = Bytes.create n
let make n c = Bytes.make n c
let length b = Bytes.length b
let get b i = Bytes.get b i
let set b i c = Bytes.set b i c
let to_string b = Bytes.to_string b
let of_string s = Bytes.of_string s
let blit src srcoff dst dstoff len = Bytes.__blit src srcoff dst dstoff len
let blit_string src srcoff dst dstoff len = Bytes.__blit_string src srcoff dst dstoff len
let sub_string b ofs len = String.sub (Bytes.to_string b) ofs len
let copy b = Bytes.of_string (Bytes.to_string b)
let fill b ofs len c =
  if ofs < 0 || len < 0 || ofs > Bytes.length b - len then invalid_arg "Bytes.fill"
  else for i = ofs to ofs + len - 1 do Bytes.set b i c done
