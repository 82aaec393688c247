(* SPDX-License-Identifier: MIT
   hashtbl.ml - module Hashtbl: generic hash tables (keys hashed by Hashtbl.hash and
   compared with compare) and the functorial Make (H), OCaml 4.13's interface without
   MakeSeeded and the optional ?random. The layout is OCaml's: a power-of-two array of
   buckets (at least 16), new bindings at the front of their bucket, doubled when there are
   more than two bindings per bucket (keeping each bucket's order), and iter/fold/to_seq
   walk the buckets from index 0. Bucket i holds the keys whose hash has low bits i; Sense's
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
(* The bucket operations take the hash function and the key equality: the generic table
   uses Hashtbl.hash and compare, Make (H) uses H.hash and H.equal. *)
let index_with hash h key = hash key land (Array.length h.__data - 1)

(* double the bucket array; each new bucket keeps the order its bindings had in the
   old buckets, scanned from index 0 *)
let resize_with hash h =
  let odata = h.__data in
  let osize = Array.length odata in
  let nsize = osize * 2 in
  if nsize <= 1048575 then begin
    let ndata = Array.make nsize [] in
    h.__data <- ndata;
    for i = 0 to osize - 1 do
      List.iter
        (fun ((k, _) as b) ->
           let j = index_with hash h k in
           Array.unsafe_set ndata j (b :: Array.unsafe_get ndata j))
        (Array.unsafe_get odata i)
    done;
    for j = 0 to nsize - 1 do Array.unsafe_set ndata j (List.rev (Array.unsafe_get ndata j)) done
  end

let add_with hash h key data =
  let i = index_with hash h key in
  Array.unsafe_set h.__data i ((key, data) :: Array.unsafe_get h.__data i);
  h.__size <- h.__size + 1;
  if h.__size > 2 * Array.length h.__data then resize_with hash h

let rec bucket_mem eq key l =
  match l with [] -> false | (k, _) :: rest -> eq k key || bucket_mem eq key rest
(* the bucket without its first binding of key (which it has) *)
let rec remove_bucket eq key l =
  match l with
  | [] -> []
  | ((k, _) as b) :: rest -> if eq k key then rest else b :: remove_bucket eq key rest
let remove_with hash eq h key =
  let i = index_with hash h key in
  let l = Array.unsafe_get h.__data i in
  if bucket_mem eq key l then begin
    Array.unsafe_set h.__data i (remove_bucket eq key l);
    h.__size <- h.__size - 1
  end

let rec find_bucket eq key l =
  match l with
  | [] -> raise Not_found
  | (k, d) :: rest -> if eq k key then d else find_bucket eq key rest
let find_with hash eq h key = find_bucket eq key (Array.unsafe_get h.__data (index_with hash h key))
let rec find_bucket_opt eq key l =
  match l with
  | [] -> None
  | (k, d) :: rest -> if eq k key then Some d else find_bucket_opt eq key rest
let find_opt_with hash eq h key =
  find_bucket_opt eq key (Array.unsafe_get h.__data (index_with hash h key))
let find_all_with hash eq h key =
  let rec all l =
    match l with
    | [] -> []
    | (k, d) :: rest -> if eq k key then d :: all rest else all rest
  in
  all (Array.unsafe_get h.__data (index_with hash h key))
let mem_with hash eq h key = bucket_mem eq key (Array.unsafe_get h.__data (index_with hash h key))

(* replace the first binding of key in place *)
let rec replace_bucket eq key data l =
  match l with
  | [] -> []
  | ((k, _) as b) :: rest ->
    if eq k key then (key, data) :: rest else b :: replace_bucket eq key data rest
let replace_with hash eq h key data =
  let i = index_with hash h key in
  let l = Array.unsafe_get h.__data i in
  if bucket_mem eq key l then Array.unsafe_set h.__data i (replace_bucket eq key data l)
  else begin
    Array.unsafe_set h.__data i ((key, data) :: l);
    h.__size <- h.__size + 1;
    if h.__size > 2 * Array.length h.__data then resize_with hash h
  end

(* the functions passed to the *_with helpers are global values: naming a function as an
   argument would allocate its closure at every call *)
let key_hash = hash
let key_equal a b = compare a b = 0
let key_equal = key_equal
let add h key data = add_with key_hash h key data
let remove h key = remove_with key_hash key_equal h key
let find h key = find_with key_hash key_equal h key
let find_opt h key = find_opt_with key_hash key_equal h key
let find_all h key = find_all_with key_hash key_equal h key
let mem h key = mem_with key_hash key_equal h key
let replace h key data = replace_with key_hash key_equal h key data

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

(* ---- the functorial interface: keys hashed by H.hash and compared by H.equal ---- *)
module type HashedType = sig
  type t
  val equal : t -> t -> bool
  val hash : t -> int
end

(* The functor's tables are ordinary tables keyed by H.t; its body is typed where it is
   defined (here), so it calls this file's functions. *)
type ('a, 'b) hashtbl = ('a, 'b) t

module type S = sig
  type key
  type 'a t
  val create : int -> 'a t
  val clear : 'a t -> unit
  val reset : 'a t -> unit
  val copy : 'a t -> 'a t
  val add : 'a t -> key -> 'a -> unit
  val remove : 'a t -> key -> unit
  val find : 'a t -> key -> 'a
  val find_opt : 'a t -> key -> 'a option
  val find_all : 'a t -> key -> 'a list
  val replace : 'a t -> key -> 'a -> unit
  val mem : 'a t -> key -> bool
  val iter : (key -> 'a -> unit) -> 'a t -> unit
  val filter_map_inplace : (key -> 'a -> 'a option) -> 'a t -> unit
  val fold : (key -> 'a -> 'b -> 'b) -> 'a t -> 'b -> 'b
  val length : 'a t -> int
  val stats : 'a t -> statistics
  val to_seq : 'a t -> (key * 'a) Seq.t
  val to_seq_keys : _ t -> key Seq.t
  val to_seq_values : 'a t -> 'a Seq.t
  val add_seq : 'a t -> (key * 'a) Seq.t -> unit
  val replace_seq : 'a t -> (key * 'a) Seq.t -> unit
  val of_seq : (key * 'a) Seq.t -> 'a t
end

module Make (H : HashedType) : S with type key = H.t = struct
  type key = H.t
  type 'a t = (key, 'a) hashtbl
  let create n = create n
  let clear h = clear h
  let reset h = reset h
  let copy h = copy h
  let length h = length h
  let iter f h = iter f h
  let fold f h init = fold f h init
  let filter_map_inplace f h = filter_map_inplace f h
  let stats h = stats h
  let to_seq h = to_seq h
  let to_seq_keys h = to_seq_keys h
  let to_seq_values h = to_seq_values h
  let key_hash = H.hash
  let key_equal = H.equal
  let add h (key : key) data = add_with key_hash h key data
  let remove h (key : key) = remove_with key_hash key_equal h key
  let find h (key : key) = find_with key_hash key_equal h key
  let find_opt h (key : key) = find_opt_with key_hash key_equal h key
  let find_all h (key : key) = find_all_with key_hash key_equal h key
  let mem h (key : key) = mem_with key_hash key_equal h key
  let replace h (key : key) data = replace_with key_hash key_equal h key data
  let add_seq h i = Seq.iter (fun (k, v) -> add h k v) i
  let replace_seq h i = Seq.iter (fun (k, v) -> replace h k v) i
  let of_seq i = let h = create 16 in replace_seq h i; h
end

(* Sense's hash has no seed: randomize only sets the flag is_randomized reports *)
let randomized = ref false
let randomize () = randomized := true
let is_randomized () = !randomized
