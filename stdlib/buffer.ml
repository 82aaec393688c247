(* SPDX-License-Identifier: MIT
   buffer.ml - module Buffer: extensible byte buffers. *)
type t = { mutable __buf : bytes; mutable __len : int; __init : int }
let create n =
  let n = if n < 1 then 1 else n in
  { __buf = Bytes.create n; __len = 0; __init = n }
let contents b = String.sub (Bytes.to_string b.__buf) 0 b.__len
let length b = b.__len
let clear b = b.__len <- 0
let reset b = b.__len <- 0; b.__buf <- Bytes.create b.__init
let resize b more =
  let len = Bytes.length b.__buf in
  let new_len = ref (if len < 1 then 1 else len) in
  while b.__len + more > !new_len do new_len := 2 * !new_len done;
  let nb = Bytes.create !new_len in
  Bytes.blit b.__buf 0 nb 0 b.__len;
  b.__buf <- nb
let add_char b c =
  if b.__len >= Bytes.length b.__buf then resize b 1;
  Bytes.set b.__buf b.__len c;
  b.__len <- b.__len + 1
let add_string b s =
  let l = String.length s in
  if b.__len + l > Bytes.length b.__buf then resize b l;
  Bytes.blit_string s 0 b.__buf b.__len l;
  b.__len <- b.__len + l
let add_buffer b b2 = add_string b (contents b2)
let nth b i =
  if i < 0 || i >= b.__len then invalid_arg "Buffer.nth" else Bytes.get b.__buf i
let to_bytes b = Bytes.sub b.__buf 0 b.__len
let sub b ofs len =
  if ofs < 0 || len < 0 || ofs > b.__len - len then invalid_arg "Buffer.sub"
  else Bytes.sub_string b.__buf ofs len
let blit src srcoff dst dstoff len =
  if len < 0 || srcoff < 0 || srcoff > src.__len - len || dstoff < 0 || dstoff > Bytes.length dst - len
  then invalid_arg "Buffer.blit"
  else Bytes.blit src.__buf srcoff dst dstoff len
let truncate b len =
  if len < 0 || len > b.__len then invalid_arg "Buffer.truncate" else b.__len <- len
let add_bytes b s = add_string b (Bytes.to_string s)
let add_substring b s offset len =
  if offset < 0 || len < 0 || offset > String.length s - len then invalid_arg "Buffer.add_substring/add_subbytes"
  else add_string b (String.sub s offset len)
let add_subbytes b s offset len =
  if offset < 0 || len < 0 || offset > Bytes.length s - len then invalid_arg "Buffer.add_substring/add_subbytes"
  else add_string b (Bytes.sub_string s offset len)
let to_seq b =
  let rec aux i () = if i >= b.__len then Seq.Nil else Seq.Cons (Bytes.get b.__buf i, aux (i + 1)) in
  aux 0
let to_seqi b =
  let rec aux i () = if i >= b.__len then Seq.Nil else Seq.Cons ((i, Bytes.get b.__buf i), aux (i + 1)) in
  aux 0
let add_seq b seq = Seq.iter (add_char b) seq
let of_seq i = let b = create 32 in add_seq b i; b
let add_uint8 b v = add_char b (Char.unsafe_chr (v land 0xff))
let add_int8 b v = add_uint8 b v
let add_uint16_le b v = add_uint8 b v; add_uint8 b (v lsr 8)
let add_uint16_be b v = add_uint8 b (v lsr 8); add_uint8 b v
let add_uint16_ne b v = add_uint16_le b v
let add_int16_le b v = add_uint16_le b v
let add_int16_be b v = add_uint16_be b v
let add_int16_ne b v = add_uint16_ne b v
