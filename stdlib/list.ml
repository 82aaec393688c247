(* SPDX-License-Identifier: MIT
   list.ml - module List, with OCaml 4.13's semantics and error messages. *)
let rec length_aux len l = match l with [] -> len | _ :: l -> length_aux (len + 1) l
let length l = length_aux 0 l
let cons a l = a :: l
let hd l = match l with [] -> failwith "hd" | a :: _ -> a
let tl l = match l with [] -> failwith "tl" | _ :: l -> l
let nth l n =
  if n < 0 then invalid_arg "List.nth"
  else
    let rec nth_aux l n =
      match l with
      | [] -> failwith "nth"
      | a :: l -> if n = 0 then a else nth_aux l (n - 1)
    in
    nth_aux l n
let nth_opt l n =
  if n < 0 then invalid_arg "List.nth"
  else
    let rec nth_aux l n =
      match l with
      | [] -> None
      | a :: l -> if n = 0 then Some a else nth_aux l (n - 1)
    in
    nth_aux l n
let append l1 l2 = l1 @ l2
let rec rev_append l1 l2 = match l1 with [] -> l2 | a :: l -> rev_append l (a :: l2)
let rev l = rev_append l []
let rec init_aux i n f = if i >= n then [] else let r = f i in r :: init_aux (i + 1) n f
let rec init_tailrec_aux acc i n f = if i >= n then acc else init_tailrec_aux (f i :: acc) (i + 1) n f
let init len f =
  if len < 0 then invalid_arg "List.init"
  else if len > 10_000 then rev (init_tailrec_aux [] 0 len f)
  else init_aux 0 len f
let rec flatten l = match l with [] -> [] | l :: r -> l @ flatten r
let concat l = flatten l
let rec map f l = match l with [] -> [] | a :: l -> let r = f a in r :: map f l
let rec mapi_aux i f l = match l with [] -> [] | a :: l -> let r = f i a in r :: mapi_aux (i + 1) f l
let mapi f l = mapi_aux 0 f l
let rev_map f l =
  let rec rmap_f accu l = match l with [] -> accu | a :: l -> rmap_f (f a :: accu) l in
  rmap_f [] l
let rec iter f l = match l with [] -> () | a :: l -> f a; iter f l
let rec iteri_aux i f l = match l with [] -> () | a :: l -> f i a; iteri_aux (i + 1) f l
let iteri f l = iteri_aux 0 f l
let rec fold_left f accu l = match l with [] -> accu | a :: l -> fold_left f (f accu a) l
let rec fold_right f l accu = match l with [] -> accu | a :: l -> f a (fold_right f l accu)
let rec map2 f l1 l2 =
  match (l1, l2) with
  | ([], []) -> []
  | (a1 :: l1, a2 :: l2) -> let r = f a1 a2 in r :: map2 f l1 l2
  | (_, _) -> invalid_arg "List.map2"
let rec iter2 f l1 l2 =
  match (l1, l2) with
  | ([], []) -> ()
  | (a1 :: l1, a2 :: l2) -> f a1 a2; iter2 f l1 l2
  | (_, _) -> invalid_arg "List.iter2"
let rec fold_left2 f accu l1 l2 =
  match (l1, l2) with
  | ([], []) -> accu
  | (a1 :: l1, a2 :: l2) -> fold_left2 f (f accu a1 a2) l1 l2
  | (_, _) -> invalid_arg "List.fold_left2"
let rec fold_right2 f l1 l2 accu =
  match (l1, l2) with
  | ([], []) -> accu
  | (a1 :: l1, a2 :: l2) -> f a1 a2 (fold_right2 f l1 l2 accu)
  | (_, _) -> invalid_arg "List.fold_right2"
let rec for_all p l = match l with [] -> true | a :: l -> p a && for_all p l
let rec exists p l = match l with [] -> false | a :: l -> p a || exists p l
let rec for_all2 p l1 l2 =
  match (l1, l2) with
  | ([], []) -> true
  | (a1 :: l1, a2 :: l2) -> p a1 a2 && for_all2 p l1 l2
  | (_, _) -> invalid_arg "List.for_all2"
let rec exists2 p l1 l2 =
  match (l1, l2) with
  | ([], []) -> false
  | (a1 :: l1, a2 :: l2) -> p a1 a2 || exists2 p l1 l2
  | (_, _) -> invalid_arg "List.exists2"
let rec mem x l = match l with [] -> false | a :: l -> compare a x = 0 || mem x l
let rec memq x l = match l with [] -> false | a :: l -> a == x || memq x l
let rec assoc x l = match l with [] -> raise Not_found | (a, b) :: l -> if compare a x = 0 then b else assoc x l
let rec assoc_opt x l = match l with [] -> None | (a, b) :: l -> if compare a x = 0 then Some b else assoc_opt x l
let rec assq x l = match l with [] -> raise Not_found | (a, b) :: l -> if a == x then b else assq x l
let rec mem_assoc x l = match l with [] -> false | (a, _) :: l -> compare a x = 0 || mem_assoc x l
let rec remove_assoc x l =
  match l with
  | [] -> []
  | ((a, _) as pair) :: l -> if compare a x = 0 then l else pair :: remove_assoc x l
let rec find p l = match l with [] -> raise Not_found | x :: l -> if p x then x else find p l
let rec find_opt p l = match l with [] -> None | x :: l -> if p x then Some x else find_opt p l
let rec find_map f l =
  match l with
  | [] -> None
  | x :: l -> (match f x with Some _ as result -> result | None -> find_map f l)
let filter p l =
  let rec find accu l =
    match l with [] -> rev accu | x :: l -> if p x then find (x :: accu) l else find accu l
  in
  find [] l
let find_all p l = filter p l
let filteri p l =
  let rec aux i acc l =
    match l with
    | [] -> rev acc
    | x :: l -> aux (i + 1) (if p i x then x :: acc else acc) l
  in
  aux 0 [] l
let filter_map f l =
  let rec aux accu l =
    match l with
    | [] -> rev accu
    | x :: l -> (match f x with None -> aux accu l | Some v -> aux (v :: accu) l)
  in
  aux [] l
let concat_map f l =
  let rec aux f acc l =
    match l with
    | [] -> rev acc
    | x :: l -> let xs = f x in aux f (rev_append xs acc) l
  in
  aux f [] l
let partition p l =
  let rec part yes no l =
    match l with
    | [] -> (rev yes, rev no)
    | x :: l -> if p x then part (x :: yes) no l else part yes (x :: no) l
  in
  part [] [] l
let rec split l =
  match l with
  | [] -> ([], [])
  | (x, y) :: l -> let (rx, ry) = split l in (x :: rx, y :: ry)
let rec combine l1 l2 =
  match (l1, l2) with
  | ([], []) -> []
  | (a1 :: l1, a2 :: l2) -> (a1, a2) :: combine l1 l2
  | (_, _) -> invalid_arg "List.combine"
let rec merge cmp l1 l2 =
  match (l1, l2) with
  | ([], l2) -> l2
  | (l1, []) -> l1
  | (h1 :: t1, h2 :: t2) ->
    if cmp h1 h2 <= 0 then h1 :: merge cmp t1 l2 else h2 :: merge cmp l1 t2
let stable_sort cmp l =
  let rec rev_merge l1 l2 accu =
    match (l1, l2) with
    | ([], l2) -> rev_append l2 accu
    | (l1, []) -> rev_append l1 accu
    | (h1 :: t1, h2 :: t2) ->
      if cmp h1 h2 <= 0 then rev_merge t1 l2 (h1 :: accu) else rev_merge l1 t2 (h2 :: accu)
  in
  let rec rev_merge_rev l1 l2 accu =
    match (l1, l2) with
    | ([], l2) -> rev_append l2 accu
    | (l1, []) -> rev_append l1 accu
    | (h1 :: t1, h2 :: t2) ->
      if cmp h1 h2 > 0 then rev_merge_rev t1 l2 (h1 :: accu) else rev_merge_rev l1 t2 (h2 :: accu)
  in
  let rec sort n l =
    match (n, l) with
    | (2, x1 :: x2 :: tl) ->
      let s = if cmp x1 x2 <= 0 then [ x1; x2 ] else [ x2; x1 ] in
      (s, tl)
    | (3, x1 :: x2 :: x3 :: tl) ->
      let s =
        if cmp x1 x2 <= 0 then
          if cmp x2 x3 <= 0 then [ x1; x2; x3 ]
          else if cmp x1 x3 <= 0 then [ x1; x3; x2 ]
          else [ x3; x1; x2 ]
        else if cmp x1 x3 <= 0 then [ x2; x1; x3 ]
        else if cmp x2 x3 <= 0 then [ x2; x3; x1 ]
        else [ x3; x2; x1 ]
      in
      (s, tl)
    | (n, l) ->
      let n1 = n asr 1 in
      let n2 = n - n1 in
      let (s1, l2) = rev_sort n1 l in
      let (s2, tl) = rev_sort n2 l2 in
      (rev_merge_rev s1 s2 [], tl)
  and rev_sort n l =
    match (n, l) with
    | (2, x1 :: x2 :: tl) ->
      let s = if cmp x1 x2 > 0 then [ x1; x2 ] else [ x2; x1 ] in
      (s, tl)
    | (3, x1 :: x2 :: x3 :: tl) ->
      let s =
        if cmp x1 x2 > 0 then
          if cmp x2 x3 > 0 then [ x1; x2; x3 ]
          else if cmp x1 x3 > 0 then [ x1; x3; x2 ]
          else [ x3; x1; x2 ]
        else if cmp x1 x3 > 0 then [ x2; x1; x3 ]
        else if cmp x2 x3 > 0 then [ x2; x3; x1 ]
        else [ x3; x2; x1 ]
      in
      (s, tl)
    | (n, l) ->
      let n1 = n asr 1 in
      let n2 = n - n1 in
      let (s1, l2) = sort n1 l in
      let (s2, tl) = sort n2 l2 in
      (rev_merge s1 s2 [], tl)
  in
  let len = length l in
  if len < 2 then l else fst (sort len l)
let sort cmp l = stable_sort cmp l
let fast_sort cmp l = stable_sort cmp l
let sort_uniq cmp l =
  let rec uniq l =
    match l with
    | x :: (y :: _ as t) -> if cmp x y = 0 then uniq t else x :: uniq t
    | l -> l
  in
  uniq (stable_sort cmp l)
let rec compare_lengths l1 l2 =
  match (l1, l2) with
  | ([], []) -> 0
  | ([], _) -> -1
  | (_, []) -> 1
  | (_ :: l1, _ :: l2) -> compare_lengths l1 l2
let rec compare_length_with l n =
  match l with
  | [] -> if n = 0 then 0 else if n > 0 then -1 else 1
  | _ :: l -> if n <= 0 then 1 else compare_length_with l (n - 1)
let rec equal eq l1 l2 =
  match (l1, l2) with
  | ([], []) -> true
  | ([], _ :: _) | (_ :: _, []) -> false
  | (a1 :: l1, a2 :: l2) -> eq a1 a2 && equal eq l1 l2
let rec compare cmp l1 l2 =
  match (l1, l2) with
  | ([], []) -> 0
  | ([], _ :: _) -> -1
  | (_ :: _, []) -> 1
  | (a1 :: l1, a2 :: l2) -> let c = cmp a1 a2 in if c <> 0 then c else compare cmp l1 l2
let fold_left_map f accu l =
  let rec aux accu l_accu l =
    match l with
    | [] -> (accu, rev l_accu)
    | x :: l -> let (accu, x) = f accu x in aux accu (x :: l_accu) l
  in
  aux accu [] l
let partition_map p l =
  let rec part left right l =
    match l with
    | [] -> (rev left, rev right)
    | x :: l ->
      (match p x with
       | Either.Left v -> part (v :: left) right l
       | Either.Right v -> part left (v :: right) l)
  in
  part [] [] l
let rev_map2 f l1 l2 =
  let rec rmap2_f accu l1 l2 =
    match (l1, l2) with
    | ([], []) -> accu
    | (a1 :: l1, a2 :: l2) -> rmap2_f (f a1 a2 :: accu) l1 l2
    | (_, _) -> invalid_arg "List.rev_map2"
  in
  rmap2_f [] l1 l2
let rec assq_opt x l = match l with [] -> None | (a, b) :: l -> if a == x then Some b else assq_opt x l
let rec mem_assq x l = match l with [] -> false | (a, _) :: l -> a == x || mem_assq x l
let rec remove_assq x l =
  match l with
  | [] -> []
  | ((a, _) as pair) :: l -> if a == x then l else pair :: remove_assq x l
let to_seq l =
  let rec aux l () = match l with [] -> Seq.Nil | x :: tail -> Seq.Cons (x, aux tail) in
  aux l
let of_seq seq =
  let rec direct depth seq =
    if depth = 0 then rev (Seq.fold_left (fun acc x -> x :: acc) [] seq)
    else match seq () with Seq.Nil -> [] | Seq.Cons (x, next) -> x :: direct (depth - 1) next
  in
  direct 500 seq
