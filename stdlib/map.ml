(* SPDX-License-Identifier: MIT
   map.ml - module Map: Map.Make (Ord), persistent maps as height-balanced (AVL) trees,
   iterated in increasing key order as OCaml's. Sense instantiates the functor at compile
   time (docs/language.md): each application has its own copy of this code. *)
module type OrderedType = sig
  type t
  val compare : t -> t -> int
end

module Make (Ord : OrderedType) = struct
  type key = Ord.t
  type 'a t = Map_empty | Map_node of 'a t * key * 'a * 'a t * int

  let empty = Map_empty
  let is_empty m = match m with Map_empty -> true | _ -> false
  let height m = match m with Map_empty -> 0 | Map_node (_, _, _, _, h) -> h
  let create l x d r =
    let hl = height l and hr = height r in
    Map_node (l, x, d, r, if hl >= hr then hl + 1 else hr + 1)
  let singleton x d = Map_node (Map_empty, x, d, Map_empty, 1)
  let bal l x d r =
    let hl = height l and hr = height r in
    if hl > hr + 2 then begin
      match l with
      | Map_empty -> invalid_arg "Map.bal"
      | Map_node (ll, lv, ld, lr, _) ->
        if height ll >= height lr then create ll lv ld (create lr x d r)
        else begin
          match lr with
          | Map_empty -> invalid_arg "Map.bal"
          | Map_node (lrl, lrv, lrd, lrr, _) -> create (create ll lv ld lrl) lrv lrd (create lrr x d r)
        end
    end else if hr > hl + 2 then begin
      match r with
      | Map_empty -> invalid_arg "Map.bal"
      | Map_node (rl, rv, rd, rr, _) ->
        if height rr >= height rl then create (create l x d rl) rv rd rr
        else begin
          match rl with
          | Map_empty -> invalid_arg "Map.bal"
          | Map_node (rll, rlv, rld, rlr, _) -> create (create l x d rll) rlv rld (create rlr rv rd rr)
        end
    end else create l x d r

  let rec add x data m =
    match m with
    | Map_empty -> Map_node (Map_empty, x, data, Map_empty, 1)
    | Map_node (l, v, d, r, h) ->
      let c = Ord.compare x v in
      if c = 0 then (if d == data then m else Map_node (l, x, data, r, h))
      else if c < 0 then bal (add x data l) v d r
      else bal l v d (add x data r)

  let rec find x m =
    match m with
    | Map_empty -> raise Not_found
    | Map_node (l, v, d, r, _) ->
      let c = Ord.compare x v in
      if c = 0 then d else find x (if c < 0 then l else r)

  let rec find_opt x m =
    match m with
    | Map_empty -> None
    | Map_node (l, v, d, r, _) ->
      let c = Ord.compare x v in
      if c = 0 then Some d else find_opt x (if c < 0 then l else r)

  let rec mem x m =
    match m with
    | Map_empty -> false
    | Map_node (l, v, _, r, _) ->
      let c = Ord.compare x v in
      c = 0 || mem x (if c < 0 then l else r)

  let rec min_binding m =
    match m with
    | Map_empty -> raise Not_found
    | Map_node (Map_empty, x, d, _, _) -> (x, d)
    | Map_node (l, _, _, _, _) -> min_binding l
  let rec min_binding_opt m =
    match m with
    | Map_empty -> None
    | Map_node (Map_empty, x, d, _, _) -> Some (x, d)
    | Map_node (l, _, _, _, _) -> min_binding_opt l
  let rec max_binding m =
    match m with
    | Map_empty -> raise Not_found
    | Map_node (_, x, d, Map_empty, _) -> (x, d)
    | Map_node (_, _, _, r, _) -> max_binding r
  let rec max_binding_opt m =
    match m with
    | Map_empty -> None
    | Map_node (_, x, d, Map_empty, _) -> Some (x, d)
    | Map_node (_, _, _, r, _) -> max_binding_opt r
  let choose = min_binding
  let choose_opt = min_binding_opt

  let rec remove_min_binding m =
    match m with
    | Map_empty -> invalid_arg "Map.remove_min_elt"
    | Map_node (Map_empty, _, _, r, _) -> r
    | Map_node (l, v, d, r, _) -> bal (remove_min_binding l) v d r
  let merge_trees t1 t2 =
    match t1, t2 with
    | Map_empty, t -> t
    | t, Map_empty -> t
    | _ ->
      let (x, d) = min_binding t2 in
      bal t1 x d (remove_min_binding t2)

  let rec remove x m =
    match m with
    | Map_empty -> Map_empty
    | Map_node (l, v, d, r, _) ->
      let c = Ord.compare x v in
      if c = 0 then merge_trees l r
      else if c < 0 then bal (remove x l) v d r
      else bal l v d (remove x r)

  let update x f m =
    match f (find_opt x m) with
    | None -> remove x m
    | Some d -> add x d m

  let rec iter f m = match m with Map_empty -> () | Map_node (l, v, d, r, _) -> iter f l; f v d; iter f r
  let rec fold f m acc = match m with Map_empty -> acc | Map_node (l, v, d, r, _) -> fold f r (f v d (fold f l acc))
  let rec map f m =
    match m with
    | Map_empty -> Map_empty
    | Map_node (l, v, d, r, h) -> let l' = map f l in let d' = f d in let r' = map f r in Map_node (l', v, d', r', h)
  let rec mapi f m =
    match m with
    | Map_empty -> Map_empty
    | Map_node (l, v, d, r, h) -> let l' = mapi f l in let d' = f v d in let r' = mapi f r in Map_node (l', v, d', r', h)
  let rec for_all p m = match m with Map_empty -> true | Map_node (l, v, d, r, _) -> p v d && for_all p l && for_all p r
  let rec exists p m = match m with Map_empty -> false | Map_node (l, v, d, r, _) -> p v d || exists p l || exists p r
  let filter p m = fold (fun k d acc -> if p k d then add k d acc else acc) m empty
  let filter_map f m = fold (fun k d acc -> match f k d with Some d' -> add k d' acc | None -> acc) m empty
  let partition p m =
    fold (fun k d (yes, no) -> if p k d then (add k d yes, no) else (yes, add k d no)) m (empty, empty)
  let rec cardinal m = match m with Map_empty -> 0 | Map_node (l, _, _, r, _) -> cardinal l + 1 + cardinal r
  let bindings m = fold (fun k d acc -> (k, d) :: acc) m [] |> List.rev
  let find_first f m =
    match List.find_opt (fun (k, _) -> f k) (bindings m) with Some b -> b | None -> raise Not_found
  let find_first_opt f m = List.find_opt (fun (k, _) -> f k) (bindings m)
  let find_last f m =
    match List.find_opt (fun (k, _) -> f k) (List.rev (bindings m)) with Some b -> b | None -> raise Not_found
  let find_last_opt f m = List.find_opt (fun (k, _) -> f k) (List.rev (bindings m))
  let union f m1 m2 =
    fold (fun k d2 acc ->
        match find_opt k acc with
        | None -> add k d2 acc
        | Some d1 -> (match f k d1 d2 with Some d -> add k d acc | None -> remove k acc))
      m2 m1
  let merge f m1 m2 =
    let keys = fold (fun k _ acc -> k :: acc) m1 (fold (fun k _ acc -> k :: acc) m2 []) in
    List.fold_left (fun acc k ->
        if mem k acc then acc
        else match f k (find_opt k m1) (find_opt k m2) with Some d -> add k d acc | None -> acc)
      empty keys
    |> filter (fun k _ -> mem k m1 || mem k m2)
  let compare cmp m1 m2 =
    let rec go l1 l2 =
      match l1, l2 with
      | [], [] -> 0
      | [], _ -> -1
      | _, [] -> 1
      | (k1, d1) :: t1, (k2, d2) :: t2 ->
        let c = Ord.compare k1 k2 in
        if c <> 0 then c else let c = cmp d1 d2 in if c <> 0 then c else go t1 t2
    in
    go (bindings m1) (bindings m2)
  let equal eq m1 m2 =
    let rec go l1 l2 =
      match l1, l2 with
      | [], [] -> true
      | (k1, d1) :: t1, (k2, d2) :: t2 -> Ord.compare k1 k2 = 0 && eq d1 d2 && go t1 t2
      | _ -> false
    in
    go (bindings m1) (bindings m2)
  let split x m =
    fold (fun k d (l, p, r) ->
        let c = Ord.compare k x in
        if c < 0 then (add k d l, p, r) else if c > 0 then (l, p, add k d r) else (l, Some d, r))
      m (Map_empty, None, Map_empty)
  (* sequences walk the tree lazily: an enumeration is the path still to visit *)
  type 'a enumeration = Map_end | Map_more of key * 'a * 'a t * 'a enumeration
  let rec cons_enum m e =
    match m with Map_empty -> e | Map_node (l, v, d, r, _) -> cons_enum l (Map_more (v, d, r, e))
  let rec snoc_enum m e =
    match m with Map_empty -> e | Map_node (l, v, d, r, _) -> snoc_enum r (Map_more (v, d, l, e))
  (* next: cons_enum (increasing order) or snoc_enum (decreasing) *)
  let rec seq_of_enum next c () =
    match c with
    | Map_end -> Seq.Nil
    | Map_more (k, v, t, rest) -> Seq.Cons ((k, v), seq_of_enum next (next t rest))
  let to_seq m = seq_of_enum cons_enum (cons_enum m Map_end)
  let to_rev_seq m = seq_of_enum snoc_enum (snoc_enum m Map_end)
  let to_seq_from low m =
    let rec aux m c =
      match m with
      | Map_empty -> c
      | Map_node (l, v, d, r, _) ->
        let n = Ord.compare v low in
        if n = 0 then Map_more (v, d, r, c)
        else if n < 0 then aux r c
        else aux l (Map_more (v, d, r, c))
    in
    seq_of_enum cons_enum (aux m Map_end)
  let add_seq i m = Seq.fold_left (fun m (k, v) -> add k v m) m i
  let of_seq i = add_seq i Map_empty
end
