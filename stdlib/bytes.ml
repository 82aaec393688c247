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
let empty = Bytes.create 0
let init n f =
  if n < 0 then invalid_arg "Bytes.init"
  else begin
    let s = Bytes.create n in
    for i = 0 to n - 1 do Bytes.set s i (f i) done;
    s
  end
let sub b ofs len =
  if ofs < 0 || len < 0 || ofs > Bytes.length b - len then invalid_arg "String.sub / Bytes.sub"
  else begin
    let r = Bytes.create len in
    Bytes.__blit b ofs r 0 len;
    r
  end
let extend s left right =
  let len = Bytes.length s + left + right in
  if len < 0 then invalid_arg "Bytes.extend"
  else begin
    let r = Bytes.make len '\000' in
    let (srcoff, dstoff) = if left < 0 then (- left, 0) else (0, left) in
    let cpylen = min (Bytes.length s - srcoff) (len - dstoff) in
    if cpylen > 0 then Bytes.__blit s srcoff r dstoff cpylen;
    r
  end
let cat a b =
  let la = Bytes.length a and lb = Bytes.length b in
  let r = Bytes.create (la + lb) in
  Bytes.__blit a 0 r 0 la;
  Bytes.__blit b 0 r la lb;
  r
let concat sep l =
  match l with
  | [] -> empty
  | _ ->
    let seplen = Bytes.length sep in
    let rec total n l =
      if n > 4194296 then invalid_arg "Bytes.concat"
      else match l with [] -> n | [ b ] -> total (n + Bytes.length b) [] | b :: r -> total (n + Bytes.length b + seplen) r
    in
    let r = Bytes.create (total 0 l) in
    let rec fill pos l =
      match l with
      | [] -> ()
      | [ b ] -> Bytes.__blit b 0 r pos (Bytes.length b)
      | b :: rest ->
        Bytes.__blit b 0 r pos (Bytes.length b);
        Bytes.__blit sep 0 r (pos + Bytes.length b) seplen;
        fill (pos + Bytes.length b + seplen) rest
    in
    fill 0 l;
    r
let iter f a = for i = 0 to Bytes.length a - 1 do f (Bytes.get a i) done
let iteri f a = for i = 0 to Bytes.length a - 1 do f i (Bytes.get a i) done
let map f s =
  let l = Bytes.length s in
  let r = Bytes.create l in
  for i = 0 to l - 1 do Bytes.set r i (f (Bytes.get s i)) done;
  r
let mapi f s =
  let l = Bytes.length s in
  let r = Bytes.create l in
  for i = 0 to l - 1 do Bytes.set r i (f i (Bytes.get s i)) done;
  r
let fold_left f x a =
  let r = ref x in
  for i = 0 to Bytes.length a - 1 do r := f !r (Bytes.get a i) done;
  !r
let fold_right f a x =
  let r = ref x in
  for i = Bytes.length a - 1 downto 0 do r := f (Bytes.get a i) !r done;
  !r
let exists p s =
  let n = Bytes.length s in
  let rec loop i = if i = n then false else if p (Bytes.get s i) then true else loop (i + 1) in
  loop 0
let for_all p s =
  let n = Bytes.length s in
  let rec loop i = if i = n then true else if p (Bytes.get s i) then loop (i + 1) else false in
  loop 0
let index_opt s c =
  let n = Bytes.length s in
  let rec loop i = if i >= n then None else if Bytes.get s i = c then Some i else loop (i + 1) in
  loop 0
let index s c = match index_opt s c with Some i -> i | None -> raise Not_found
let contains s c = index_opt s c <> None
let equal (a : bytes) b = a = b
let compare (a : bytes) b = compare a b
let unsafe_to_string b = Bytes.to_string b
let unsafe_of_string s = Bytes.of_string s
let to_seq s =
  let rec aux i () = if i = Bytes.length s then Seq.Nil else Seq.Cons (Bytes.get s i, aux (i + 1)) in
  aux 0
let to_seqi s =
  let rec aux i () = if i = Bytes.length s then Seq.Nil else Seq.Cons ((i, Bytes.get s i), aux (i + 1)) in
  aux 0
let of_seq i =
  let n = ref 0 and buf = ref (Bytes.create 16) in
  Seq.iter
    (fun c ->
       if !n = Bytes.length !buf then begin
         let nb = Bytes.create (2 * !n) in
         Bytes.__blit !buf 0 nb 0 !n;
         buf := nb
       end;
       Bytes.set !buf !n c;
       incr n)
    i;
  sub !buf 0 !n
let rec rindex_rec s i c =
  if i < 0 then None else if Bytes.get s i = c then Some i else rindex_rec s (i - 1) c
let rindex_opt s c = rindex_rec s (Bytes.length s - 1) c
let rindex s c = match rindex_opt s c with Some i -> i | None -> raise Not_found
let rec index_rec s i c =
  if i >= Bytes.length s then None else if Bytes.get s i = c then Some i else index_rec s (i + 1) c
let index_from_opt s i c =
  if i < 0 || i > Bytes.length s then invalid_arg "String.index_from_opt / Bytes.index_from_opt"
  else index_rec s i c
let index_from s i c =
  if i < 0 || i > Bytes.length s then invalid_arg "String.index_from / Bytes.index_from"
  else match index_rec s i c with Some i -> i | None -> raise Not_found
let rindex_from_opt s i c =
  if i < -1 || i >= Bytes.length s then invalid_arg "String.rindex_from_opt / Bytes.rindex_from_opt"
  else rindex_rec s i c
let rindex_from s i c =
  if i < -1 || i >= Bytes.length s then invalid_arg "String.rindex_from / Bytes.rindex_from"
  else match rindex_rec s i c with Some i -> i | None -> raise Not_found
let contains_from s i c =
  if i < 0 || i > Bytes.length s then invalid_arg "String.contains_from / Bytes.contains_from"
  else index_rec s i c <> None
let rcontains_from s i c =
  if i < 0 || i >= Bytes.length s then invalid_arg "String.rcontains_from / Bytes.rcontains_from"
  else rindex_rec s i c <> None
let uppercase_ascii s = map Char.uppercase_ascii s
let lowercase_ascii s = map Char.lowercase_ascii s
let capitalize_ascii s = mapi (fun i c -> if i = 0 then Char.uppercase_ascii c else c) s
let uncapitalize_ascii s = mapi (fun i c -> if i = 0 then Char.lowercase_ascii c else c) s
let starts_with ~prefix s =
  let lp = Bytes.length prefix in
  let rec aux i = i = lp || (Bytes.get s i = Bytes.get prefix i && aux (i + 1)) in
  Bytes.length s >= lp && aux 0
let ends_with ~suffix s =
  let ls = Bytes.length suffix in
  let d = Bytes.length s - ls in
  let rec aux i = i = ls || (Bytes.get s (d + i) = Bytes.get suffix i && aux (i + 1)) in
  d >= 0 && aux 0
let trim s =
  let is_space c = c = ' ' || c = '\012' || c = '\n' || c = '\r' || c = '\t' in
  let len = Bytes.length s in
  let i = ref 0 in
  while !i < len && is_space (Bytes.get s !i) do incr i done;
  let j = ref (len - 1) in
  while !j >= !i && is_space (Bytes.get s !j) do decr j done;
  sub s !i (!j - !i + 1)
let split_on_char sep s =
  let r = ref [] in
  let j = ref (Bytes.length s) in
  for i = Bytes.length s - 1 downto 0 do
    if Bytes.get s i = sep then begin
      r := sub s (i + 1) (!j - i - 1) :: !r;
      j := i
    end
  done;
  sub s 0 !j :: !r
(* binary integers (OCaml 4.08): little-endian is the native order of the Sense VM *)
let check b i n = if i < 0 || i > Bytes.length b - n then invalid_arg "index out of bounds"
let get_uint8 b i = check b i 1; Char.code (Bytes.get b i)
let get_int8 b i = let v = get_uint8 b i in if v >= 128 then v - 256 else v
let get_uint16_le b i = check b i 2; Char.code (Bytes.get b i) lor (Char.code (Bytes.get b (i + 1)) lsl 8)
let get_uint16_be b i = check b i 2; (Char.code (Bytes.get b i) lsl 8) lor Char.code (Bytes.get b (i + 1))
let get_uint16_ne b i = get_uint16_le b i
let sign16 v = if v >= 32768 then v - 65536 else v
let get_int16_le b i = sign16 (get_uint16_le b i)
let get_int16_be b i = sign16 (get_uint16_be b i)
let get_int16_ne b i = sign16 (get_uint16_ne b i)
let set_uint8 b i v = check b i 1; Bytes.set b i (Char.unsafe_chr (v land 0xff))
let set_int8 b i v = set_uint8 b i v
let set_uint16_le b i v =
  check b i 2;
  Bytes.set b i (Char.unsafe_chr (v land 0xff));
  Bytes.set b (i + 1) (Char.unsafe_chr ((v lsr 8) land 0xff))
let set_uint16_be b i v =
  check b i 2;
  Bytes.set b i (Char.unsafe_chr ((v lsr 8) land 0xff));
  Bytes.set b (i + 1) (Char.unsafe_chr (v land 0xff))
let set_uint16_ne b i v = set_uint16_le b i v
let set_int16_le b i v = set_uint16_le b i v
let set_int16_be b i v = set_uint16_be b i v
let set_int16_ne b i v = set_uint16_ne b i v
(* the unsafe_ variants check their bounds like the safe ones (the VM always does) *)
let unsafe_get b i = Bytes.get b i
let unsafe_set b i c = Bytes.set b i c
let unsafe_blit src srcoff dst dstoff len = blit src srcoff dst dstoff len
let unsafe_blit_string src srcoff dst dstoff len = blit_string src srcoff dst dstoff len
let unsafe_fill b ofs len c = fill b ofs len c
(* as String.escaped (which comes after this module): Char.escaped, except that a quote
   is escaped and an apostrophe is not *)
let escaped b =
  let n = Bytes.length b in
  let piece i = match Bytes.get b i with '\'' -> "'" | '"' -> "\\\"" | c -> Char.escaped c in
  let len = ref 0 in
  for i = 0 to n - 1 do len := !len + String.length (piece i) done;
  let r = Bytes.create !len in
  let pos = ref 0 in
  for i = 0 to n - 1 do
    let p = piece i in
    blit_string p 0 r !pos (String.length p);
    pos := !pos + String.length p
  done;
  r
