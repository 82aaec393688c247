(* SPDX-License-Identifier: MIT
   array.ml - module Array, with OCaml 4.13's semantics and error messages. *)
let length a = Array.length a
let get a i = Array.get a i
let set a i v = Array.set a i v
let make n x = Array.make n x
let create_float n = Array.create_float n
let sub a ofs len = Array.sub a ofs len
let init l f =
  if l = 0 then [||]
  else if l < 0 then invalid_arg "Array.init"
  else begin
    let res = Array.make l (f 0) in
    for i = 1 to l - 1 do Array.unsafe_set res i (f i) done;
    res
  end
let make_matrix sx sy init =
  let res = Array.make sx [||] in
  for x = 0 to sx - 1 do Array.unsafe_set res x (Array.make sy init) done;
  res
let copy a = let l = Array.length a in if l = 0 then [||] else Array.sub a 0 l
let append a1 a2 =
  let l1 = Array.length a1 in
  let l2 = Array.length a2 in
  if l1 = 0 then copy a2
  else if l2 = 0 then Array.sub a1 0 l1
  else begin
    let r = Array.make (l1 + l2) (Array.unsafe_get a1 0) in
    Array.__blit a1 0 r 0 l1;
    Array.__blit a2 0 r l1 l2;
    r
  end
let fill a ofs len v =
  if ofs < 0 || len < 0 || ofs > Array.length a - len then invalid_arg "Array.fill"
  else for i = ofs to ofs + len - 1 do Array.unsafe_set a i v done
let blit a1 ofs1 a2 ofs2 len =
  if len < 0 || ofs1 < 0 || ofs1 > Array.length a1 - len || ofs2 < 0 || ofs2 > Array.length a2 - len
  then invalid_arg "Array.blit"
  else Array.__blit a1 ofs1 a2 ofs2 len
let iter f a = for i = 0 to Array.length a - 1 do f (Array.unsafe_get a i) done
let iteri f a = for i = 0 to Array.length a - 1 do f i (Array.unsafe_get a i) done
let map f a =
  let l = Array.length a in
  if l = 0 then [||]
  else begin
    let r = Array.make l (f (Array.unsafe_get a 0)) in
    for i = 1 to l - 1 do Array.unsafe_set r i (f (Array.unsafe_get a i)) done;
    r
  end
let mapi f a =
  let l = Array.length a in
  if l = 0 then [||]
  else begin
    let r = Array.make l (f 0 (Array.unsafe_get a 0)) in
    for i = 1 to l - 1 do Array.unsafe_set r i (f i (Array.unsafe_get a i)) done;
    r
  end
let fold_left f x a =
  let r = ref x in
  for i = 0 to Array.length a - 1 do r := f !r (Array.unsafe_get a i) done;
  !r
let fold_right f a x =
  let r = ref x in
  for i = Array.length a - 1 downto 0 do r := f (Array.unsafe_get a i) !r done;
  !r
let to_list a =
  let rec tolist i res = if i < 0 then res else tolist (i - 1) (Array.unsafe_get a i :: res) in
  tolist (Array.length a - 1) []
let rec list_length accu l = match l with [] -> accu | _ :: t -> list_length (1 + accu) t
let of_list l =
  match l with
  | [] -> [||]
  | hd :: tl ->
    let a = Array.make (list_length 0 l) hd in
    let rec fill i l = match l with [] -> a | hd :: tl -> Array.unsafe_set a i hd; fill (i + 1) tl in
    fill 1 tl
let exists p a =
  let n = Array.length a in
  let rec loop i = if i = n then false else if p (Array.unsafe_get a i) then true else loop (i + 1) in
  loop 0
let for_all p a =
  let n = Array.length a in
  let rec loop i = if i = n then true else if p (Array.unsafe_get a i) then loop (i + 1) else false in
  loop 0
let mem x a =
  let n = Array.length a in
  let rec loop i = if i = n then false else if compare (Array.unsafe_get a i) x = 0 then true else loop (i + 1) in
  loop 0
let stable_sort cmp a =
  let l = List.stable_sort cmp (to_list a) in
  List.iteri (fun i x -> Array.unsafe_set a i x) l
let sort cmp a = stable_sort cmp a
let fast_sort cmp a = stable_sort cmp a
