(* SPDX-License-Identifier: MIT
   hashtbl.ml - module Hashtbl: generic hash tables (keys hashed by Hashtbl.hash and
   compared with compare), OCaml 4.13's interface without the functors and the optional
   ?random. The layout is OCaml's: a power-of-two array of buckets (at least 16),
   new bindings at the front of their bucket, doubled when there are more than two
   bindings per bucket (keeping each bucket's order), and iter/fold/to_seq walk the
   buckets from index 0. Bucket i holds the keys whose hash has low bits i; Sense's
   Hashtbl.hash is not OCaml's hash function, so the order of iter/fold/to_seq over
   different buckets differs from OCaml's (docs/language.md). *)
type ('a, 'b) t = {
  mutable __size : int;
  mutable __data : ('a * 'b) list array;
  __initial : int;
}

type statistics = {
  num_bindings : int;
  num_buckets : int;
  max_bucket_length : int;
  bucket_histogram : int array;
}

let hash x = Hashtbl.hash x

let rec power_2_above x n =
  if x >= n then x else if x * 2 > 1048575 then x else power_2_above (x * 2) n
let create n =
  let s = power_2_above 16 n in
  { __size = 0; __data = Array.make s []; __initial = s }
let clear h =
  if h.__size > 0 then begin
    h.__size <- 0;
    Array.fill h.__data 0 (Array.length h.__data) []
  end
let reset h =
  if Array.length h.__data = h.__initial then clear h
  else begin
    h.__size <- 0;
    h.__data <- Array.make h.__initial []
  end
let copy h = { __size = h.__size; __data = Array.copy h.__data; __initial = h.__initial }
let length h = h.__size
let index h key = Hashtbl.hash key land (Array.length h.__data - 1)

(* double the bucket array; each new bucket keeps the order its bindings had in the
   old buckets, scanned from index 0 *)
let resize h =
  let odata = h.__data in
  let osize = Array.length odata in
  let nsize = osize * 2 in
  if nsize <= 1048575 then begin
    let ndata = Array.make nsize [] in
    h.__data <- ndata;
    for i = 0 to osize - 1 do
      List.iter
        (fun ((k, _) as b) ->
           let j = index h k in
           Array.unsafe_set ndata j (b :: Array.unsafe_get ndata j))
        (Array.unsafe_get odata i)
    done;
    for j = 0 to nsize - 1 do Array.unsafe_set ndata j (List.rev (Array.unsafe_get ndata j)) done
  end

let add h key data =
  let i = index h key in
  Array.unsafe_set h.__data i ((key, data) :: Array.unsafe_get h.__data i);
  h.__size <- h.__size + 1;
  if h.__size > 2 * Array.length h.__data then resize h

let rec bucket_mem key l =
  match l with [] -> false | (k, _) :: rest -> compare k key = 0 || bucket_mem key rest
(* the bucket without its first binding of key (which it has) *)
let rec remove_bucket key l =
  match l with
  | [] -> []
  | ((k, _) as b) :: rest -> if compare k key = 0 then rest else b :: remove_bucket key rest
let remove h key =
  let i = index h key in
  let l = Array.unsafe_get h.__data i in
  if bucket_mem key l then begin
    Array.unsafe_set h.__data i (remove_bucket key l);
    h.__size <- h.__size - 1
  end

let rec find_bucket key l =
  match l with
  | [] -> raise Not_found
  | (k, d) :: rest -> if compare k key = 0 then d else find_bucket key rest
let find h key = find_bucket key (Array.unsafe_get h.__data (index h key))
let rec find_bucket_opt key l =
  match l with
  | [] -> None
  | (k, d) :: rest -> if compare k key = 0 then Some d else find_bucket_opt key rest
let find_opt h key = find_bucket_opt key (Array.unsafe_get h.__data (index h key))
let find_all h key =
  let rec all l =
    match l with
    | [] -> []
    | (k, d) :: rest -> if compare k key = 0 then d :: all rest else all rest
  in
  all (Array.unsafe_get h.__data (index h key))
let mem h key = bucket_mem key (Array.unsafe_get h.__data (index h key))

(* replace the first binding of key in place *)
let rec replace_bucket key data l =
  match l with
  | [] -> []
  | ((k, _) as b) :: rest ->
    if compare k key = 0 then (key, data) :: rest else b :: replace_bucket key data rest
let replace h key data =
  let i = index h key in
  let l = Array.unsafe_get h.__data i in
  if bucket_mem key l then Array.unsafe_set h.__data i (replace_bucket key data l)
  else begin
    Array.unsafe_set h.__data i ((key, data) :: l);
    h.__size <- h.__size + 1;
    if h.__size > 2 * Array.length h.__data then resize h
  end

let iter f h =
  let d = h.__data in
  for i = 0 to Array.length d - 1 do
    List.iter (fun (k, v) -> f k v) (Array.unsafe_get d i)
  done
let fold f h init =
  let d = h.__data in
  let accu = ref init in
  for i = 0 to Array.length d - 1 do
    accu := List.fold_left (fun acc (k, v) -> f k v acc) !accu (Array.unsafe_get d i)
  done;
  !accu
let filter_map_inplace f h =
  let d = h.__data in
  for i = 0 to Array.length d - 1 do
    let l =
      List.filter_map
        (fun (k, v) ->
           match f k v with
           | None -> h.__size <- h.__size - 1; None
           | Some v' -> Some (k, v'))
        (Array.unsafe_get d i)
    in
    Array.unsafe_set d i l
  done

let stats h =
  let d = h.__data in
  let mbl = Array.fold_left (fun m b -> max m (List.length b)) 0 d in
  let histo = Array.make (mbl + 1) 0 in
  Array.iter (fun b -> let l = List.length b in histo.(l) <- histo.(l) + 1) d;
  { num_bindings = h.__size; num_buckets = Array.length d; max_bucket_length = mbl;
    bucket_histogram = histo }

let to_seq h =
  let d = h.__data in
  let rec aux i buck () =
    match buck with
    | [] -> if i = Array.length d then Seq.Nil else aux (i + 1) (Array.unsafe_get d i) ()
    | kv :: rest -> Seq.Cons (kv, aux i rest)
  in
  aux 0 []
let to_seq_keys h = Seq.map fst (to_seq h)
let to_seq_values h = Seq.map snd (to_seq h)
let add_seq h i = Seq.iter (fun (k, v) -> add h k v) i
let replace_seq h i = Seq.iter (fun (k, v) -> replace h k v) i
let of_seq i = let h = create 16 in replace_seq h i; h
