(* SPDX-License-Identifier: MIT
   string.ml - module String (immutable byte strings). *)
let length s = String.length s
let get s i = String.get s i
let make n c = String.make n c
let sub s ofs len = String.sub s ofs len
let equal a b = String.equal a b
let compare a b = String.compare a b
let init n f =
  if n < 0 then invalid_arg "String.init"
  else begin
    let b = Bytes.create n in
    for i = 0 to n - 1 do Bytes.set b i (f i) done;
    Bytes.to_string b
  end
(* one allocation: the total length first (Invalid_argument "String.concat" beyond
   Sys.max_string_length, as OCaml), then each piece blitted in place *)
let concat sep l =
  match l with
  | [] -> ""
  | [ s ] -> s
  | _ ->
    let seplen = String.length sep in
    let rec total acc l =
      match l with
      | [] -> acc
      | s :: r ->
        let acc = acc + String.length s + (match r with [] -> 0 | _ -> seplen) in
        if acc > 4194296 then invalid_arg "String.concat" else total acc r
    in
    let b = Bytes.create (total 0 l) in
    let rec fill pos l =
      match l with
      | [] -> ()
      | s :: r ->
        let n = String.length s in
        Bytes.__blit_string s 0 b pos n;
        (match r with
         | [] -> ()
         | _ -> Bytes.__blit_string sep 0 b (pos + n) seplen; fill (pos + n + seplen) r)
    in
    fill 0 l;
    Bytes.to_string b
let iter f s =
  for i = 0 to String.length s - 1 do f (String.unsafe_get s i) done
let iteri f s =
  for i = 0 to String.length s - 1 do f i (String.unsafe_get s i) done
let map f s =
  let n = String.length s in
  let b = Bytes.create n in
  for i = 0 to n - 1 do Bytes.set b i (f (String.unsafe_get s i)) done;
  Bytes.to_string b
let mapi f s =
  let n = String.length s in
  let b = Bytes.create n in
  for i = 0 to n - 1 do Bytes.set b i (f i (String.unsafe_get s i)) done;
  Bytes.to_string b
let rec index_rec s lim i c =
  if i >= lim then raise Not_found
  else if String.unsafe_get s i = c then i
  else index_rec s lim (i + 1) c
let index s c = index_rec s (String.length s) 0 c
let rec index_rec_opt s lim i c =
  if i >= lim then None
  else if String.unsafe_get s i = c then Some i
  else index_rec_opt s lim (i + 1) c
let index_opt s c = index_rec_opt s (String.length s) 0 c
let index_from s i c =
  let l = String.length s in
  if i < 0 || i > l then invalid_arg "String.index_from / Bytes.index_from"
  else index_rec s l i c
let index_from_opt s i c =
  let l = String.length s in
  if i < 0 || i > l then invalid_arg "String.index_from_opt / Bytes.index_from_opt"
  else index_rec_opt s l i c
let rec rindex_rec s i c =
  if i < 0 then raise Not_found
  else if String.unsafe_get s i = c then i
  else rindex_rec s (i - 1) c
let rindex s c = rindex_rec s (String.length s - 1) c
let rec rindex_rec_opt s i c =
  if i < 0 then None
  else if String.unsafe_get s i = c then Some i
  else rindex_rec_opt s (i - 1) c
let rindex_opt s c = rindex_rec_opt s (String.length s - 1) c
let contains s c = index_rec_opt s (String.length s) 0 c <> None
let contains_from s i c =
  let l = String.length s in
  if i < 0 || i > l then invalid_arg "String.contains_from / Bytes.contains_from"
  else index_rec_opt s l i c <> None
let uppercase_ascii s = map Char.uppercase_ascii s
let lowercase_ascii s = map Char.lowercase_ascii s
let capitalize_ascii s =
  if String.length s = 0 then s
  else mapi (fun i c -> if i = 0 then Char.uppercase_ascii c else c) s
let uncapitalize_ascii s =
  if String.length s = 0 then s
  else mapi (fun i c -> if i = 0 then Char.lowercase_ascii c else c) s
let is_space c = c = ' ' || c = '\012' || c = '\n' || c = '\r' || c = '\t'
let trim s =
  let len = String.length s in
  let i = ref 0 in
  while !i < len && is_space (String.unsafe_get s !i) do incr i done;
  let j = ref (len - 1) in
  while !j >= !i && is_space (String.unsafe_get s !j) do decr j done;
  if !i = 0 && !j = len - 1 then s else String.sub s !i (!j - !i + 1)
let split_on_char sep s =
  let r = ref [] in
  let j = ref (String.length s) in
  for i = String.length s - 1 downto 0 do
    if String.unsafe_get s i = sep then begin
      r := String.sub s (i + 1) (!j - i - 1) :: !r;
      j := i
    end
  done;
  String.sub s 0 !j :: !r
let escaped s =
  let n = String.length s in
  let rec needs i =
    i < n &&
    (match String.unsafe_get s i with
     | '"' | '\\' | '\n' | '\t' | '\r' | '\b' -> true
     | ' ' .. '~' -> needs (i + 1)
     | _ -> true)
  in
  if not (needs 0) then s
  else begin
    let parts = ref [] in
    for i = n - 1 downto 0 do
      let c = String.unsafe_get s i in
      let p =
        match c with
        | '"' -> "\\\""
        | '\\' -> "\\\\"
        | '\n' -> "\\n"
        | '\t' -> "\\t"
        | '\r' -> "\\r"
        | '\b' -> "\\b"
        | ' ' .. '~' -> String.make 1 c
        | _ -> Char.escaped c
      in
      parts := p :: !parts
    done;
    concat "" !parts
  end
let starts_with ~prefix s =
  let len_s = String.length s and len_pre = String.length prefix in
  let rec aux i = if i = len_pre then true else if String.unsafe_get s i <> String.unsafe_get prefix i then false else aux (i + 1) in
  len_s >= len_pre && aux 0
let ends_with ~suffix s =
  let len_s = String.length s and len_suf = String.length suffix in
  let diff = len_s - len_suf in
  let rec aux i = if i = len_suf then true else if String.unsafe_get s (diff + i) <> String.unsafe_get suffix i then false else aux (i + 1) in
  diff >= 0 && aux 0
let exists p s =
  let n = String.length s in
  let rec loop i = if i = n then false else if p (String.unsafe_get s i) then true else loop (i + 1) in
  loop 0
let for_all p s =
  let n = String.length s in
  let rec loop i = if i = n then true else if p (String.unsafe_get s i) then loop (i + 1) else false in
  loop 0
let fold_left f x a =
  let r = ref x in
  for i = 0 to String.length a - 1 do r := f !r (String.unsafe_get a i) done;
  !r
let fold_right f a x =
  let r = ref x in
  for i = String.length a - 1 downto 0 do r := f (String.unsafe_get a i) !r done;
  !r
let cat a b = a ^ b
let empty = ""
let unsafe_get s i = String.unsafe_get s i
let of_bytes b = Bytes.to_string b
let to_bytes s = Bytes.of_string s
let blit src srcoff dst dstoff len =
  if len < 0 || srcoff < 0 || srcoff > String.length src - len || dstoff < 0 || dstoff > Bytes.length dst - len
  then invalid_arg "String.blit / Bytes.blit_string"
  else Bytes.__blit_string src srcoff dst dstoff len
let rindex_from s i c =
  if i < -1 || i >= String.length s then invalid_arg "String.rindex_from / Bytes.rindex_from"
  else rindex_rec s i c
let rindex_from_opt s i c =
  if i < -1 || i >= String.length s then invalid_arg "String.rindex_from_opt / Bytes.rindex_from_opt"
  else rindex_rec_opt s i c
let rcontains_from s i c =
  if i < 0 || i >= String.length s then invalid_arg "String.rcontains_from / Bytes.rcontains_from"
  else rindex_rec_opt s i c <> None
let to_seq s = Bytes.to_seq (Bytes.of_string s)
let to_seqi s =
  let rec aux i () = if i = String.length s then Seq.Nil else Seq.Cons ((i, String.unsafe_get s i), aux (i + 1)) in
  aux 0
let of_seq g = Bytes.to_string (Bytes.of_seq g)
(* binary integers (OCaml 4.08): little-endian is the native order of the Sense VM *)
let check s i n = if i < 0 || i > String.length s - n then invalid_arg "index out of bounds"
let byte s i = Char.code (String.unsafe_get s i)
let get_uint8 s i = check s i 1; byte s i
let get_int8 s i = let v = get_uint8 s i in if v >= 128 then v - 256 else v
let get_uint16_le s i = check s i 2; byte s i lor (byte s (i + 1) lsl 8)
let get_uint16_be s i = check s i 2; (byte s i lsl 8) lor byte s (i + 1)
let get_uint16_ne s i = get_uint16_le s i
let sign16 v = if v >= 32768 then v - 65536 else v
let get_int16_le s i = sign16 (get_uint16_le s i)
let get_int16_be s i = sign16 (get_uint16_be s i)
let get_int16_ne s i = sign16 (get_uint16_ne s i)
