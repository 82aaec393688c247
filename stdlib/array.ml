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
let unsafe_get a i = Array.unsafe_get a i
let unsafe_set a i v = Array.unsafe_set a i v
let make_float n = Array.create_float n
let create_matrix sx sy init = make_matrix sx sy init
let concat l =
  match List.filter (fun a -> Array.length a > 0) l with
  | [] -> [||]
  | (a0 :: _) as l ->
    let n = List.fold_left (fun n a -> n + Array.length a) 0 l in
    let r = Array.make n (Array.unsafe_get a0 0) in
    let pos = ref 0 in
    List.iter (fun a -> Array.__blit a 0 r !pos (Array.length a); pos := !pos + Array.length a) l;
    r
let iter2 f a b =
  if Array.length a <> Array.length b then invalid_arg "Array.iter2: arrays must have the same length"
  else for i = 0 to Array.length a - 1 do f (Array.unsafe_get a i) (Array.unsafe_get b i) done
let map2 f a b =
  let la = Array.length a in
  let lb = Array.length b in
  if la <> lb then invalid_arg "Array.map2: arrays must have the same length"
  else if la = 0 then [||]
  else begin
    let r = Array.make la (f (Array.unsafe_get a 0) (Array.unsafe_get b 0)) in
    for i = 1 to la - 1 do Array.unsafe_set r i (f (Array.unsafe_get a i) (Array.unsafe_get b i)) done;
    r
  end
let for_all2 p l1 l2 =
  let n1 = Array.length l1 and n2 = Array.length l2 in
  if n1 <> n2 then invalid_arg "Array.for_all2"
  else
    let rec loop i = if i = n1 then true else if p (Array.unsafe_get l1 i) (Array.unsafe_get l2 i) then loop (i + 1) else false in
    loop 0
let exists2 p l1 l2 =
  let n1 = Array.length l1 and n2 = Array.length l2 in
  if n1 <> n2 then invalid_arg "Array.exists2"
  else
    let rec loop i = if i = n1 then false else if p (Array.unsafe_get l1 i) (Array.unsafe_get l2 i) then true else loop (i + 1) in
    loop 0
let memq x a =
  let n = Array.length a in
  let rec loop i = if i = n then false else if x == Array.unsafe_get a i then true else loop (i + 1) in
  loop 0
let find_opt p a =
  let n = Array.length a in
  let rec loop i =
    if i = n then None
    else let x = Array.unsafe_get a i in if p x then Some x else loop (i + 1)
  in
  loop 0
let find_map f a =
  let n = Array.length a in
  let rec loop i =
    if i = n then None
    else match f (Array.unsafe_get a i) with None -> loop (i + 1) | Some _ as r -> r
  in
  loop 0
let split x =
  let n = Array.length x in
  if n = 0 then ([||], [||])
  else begin
    let (a0, b0) = Array.unsafe_get x 0 in
    let a = Array.make n a0 and b = Array.make n b0 in
    for i = 1 to n - 1 do
      let (ai, bi) = Array.unsafe_get x i in
      Array.unsafe_set a i ai;
      Array.unsafe_set b i bi
    done;
    (a, b)
  end
let combine a b =
  let na = Array.length a and nb = Array.length b in
  if na <> nb then invalid_arg "Array.combine"
  else if na = 0 then [||]
  else begin
    let x = Array.make na (Array.unsafe_get a 0, Array.unsafe_get b 0) in
    for i = 1 to na - 1 do Array.unsafe_set x i (Array.unsafe_get a i, Array.unsafe_get b i) done;
    x
  end
let fold_left_map f acc input =
  let len = Array.length input in
  if len = 0 then (acc, [||])
  else begin
    let (acc, elt) = f acc (Array.unsafe_get input 0) in
    let output = Array.make len elt in
    let acc = ref acc in
    for i = 1 to len - 1 do
      let (acc', elt) = f !acc (Array.unsafe_get input i) in
      acc := acc';
      Array.unsafe_set output i elt
    done;
    (!acc, output)
  end
let to_seq a =
  let rec aux i () = if i < Array.length a then Seq.Cons (Array.unsafe_get a i, aux (i + 1)) else Seq.Nil in
  aux 0
let to_seqi a =
  let rec aux i () = if i < Array.length a then Seq.Cons ((i, Array.unsafe_get a i), aux (i + 1)) else Seq.Nil in
  aux 0
let of_seq i = of_list (List.of_seq i)
