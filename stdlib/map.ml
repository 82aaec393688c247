(* SPDX-License-Identifier: MIT
   map.ml - module Map: Map.Make (Ord), persistent maps as height-balanced (AVL) trees,
   iterated in increasing key order as OCaml's. Sense instantiates the functor at compile
   time (docs/language.md): each application has its own copy of this code. *)
module type OrderedType = sig
  type t
  val compare : t -> t -> int
end

module type S = sig
  type key
  type 'a t
  val empty : 'a t
  val is_empty : 'a t -> bool
  val mem : key -> 'a t -> bool
  val add : key -> 'a -> 'a t -> 'a t
  val update : key -> ('a option -> 'a option) -> 'a t -> 'a t
  val singleton : key -> 'a -> 'a t
  val remove : key -> 'a t -> 'a t
  val merge : (key -> 'a option -> 'b option -> 'c option) -> 'a t -> 'b t -> 'c t
  val union : (key -> 'a -> 'a -> 'a option) -> 'a t -> 'a t -> 'a t
  val compare : ('a -> 'a -> int) -> 'a t -> 'a t -> int
  val equal : ('a -> 'a -> bool) -> 'a t -> 'a t -> bool
  val iter : (key -> 'a -> unit) -> 'a t -> unit
  val fold : (key -> 'a -> 'b -> 'b) -> 'a t -> 'b -> 'b
  val for_all : (key -> 'a -> bool) -> 'a t -> bool
  val exists : (key -> 'a -> bool) -> 'a t -> bool
  val filter : (key -> 'a -> bool) -> 'a t -> 'a t
  val filter_map : (key -> 'a -> 'b option) -> 'a t -> 'b t
  val partition : (key -> 'a -> bool) -> 'a t -> 'a t * 'a t
  val cardinal : 'a t -> int
  val bindings : 'a t -> (key * 'a) list
  val min_binding : 'a t -> key * 'a
  val min_binding_opt : 'a t -> (key * 'a) option
  val max_binding : 'a t -> key * 'a
  val max_binding_opt : 'a t -> (key * 'a) option
  val choose : 'a t -> key * 'a
  val choose_opt : 'a t -> (key * 'a) option
  val split : key -> 'a t -> 'a t * 'a option * 'a t
  val find : key -> 'a t -> 'a
  val find_opt : key -> 'a t -> 'a option
  val find_first : (key -> bool) -> 'a t -> key * 'a
  val find_first_opt : (key -> bool) -> 'a t -> (key * 'a) option
  val find_last : (key -> bool) -> 'a t -> key * 'a
  val find_last_opt : (key -> bool) -> 'a t -> (key * 'a) option
  val map : ('a -> 'b) -> 'a t -> 'b t
  val mapi : (key -> 'a -> 'b) -> 'a t -> 'b t
  val to_seq : 'a t -> (key * 'a) Seq.t
  val to_rev_seq : 'a t -> (key * 'a) Seq.t
  val to_seq_from : key -> 'a t -> (key * 'a) Seq.t
  val add_seq : (key * 'a) Seq.t -> 'a t -> 'a t
  val of_seq : (key * 'a) Seq.t -> 'a t
end

(* Map.Make's and Set.Make's sequences walk the tree lazily: the path still to visit is a
   list of (element, subtree) pairs; next t path adds t's leftmost (or rightmost) spine *)
let rec __seq_of_path next path () =
  match path with
  | [] -> Seq.Nil
  | (x, t) :: rest -> Seq.Cons (x, __seq_of_path next (next t rest))

module Make (Ord : OrderedType) : S with type key = Ord.t = struct
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
      else if c < 0 then (let ll = add x data l in if l == ll then m else bal ll v d r)
      else (let rr = add x data r in if r == rr then m else bal l v d rr)

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
      else if c < 0 then (let ll = remove x l in if l == ll then m else bal ll v d r)
      else (let rr = remove x r in if r == rr then m else bal l v d rr)

  (* as OCaml's: the map itself (==) when nothing changes *)
  let update x f m =
    match find_opt x m with
    | None -> (match f None with None -> m | Some d -> add x d m)
    | Some old -> (match f (Some old) with None -> remove x m | Some d -> if d == old then m else add x d m)

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
  let rec cons_path m p =
    match m with Map_empty -> p | Map_node (l, v, d, r, _) -> cons_path l (((v, d), r) :: p)
  let rec snoc_path m p =
    match m with Map_empty -> p | Map_node (l, v, d, r, _) -> snoc_path r (((v, d), l) :: p)
  let to_seq m = __seq_of_path cons_path (cons_path m [])
  let to_rev_seq m = __seq_of_path snoc_path (snoc_path m [])
  let to_seq_from low m =
    let rec aux m p =
      match m with
      | Map_empty -> p
      | Map_node (l, v, d, r, _) ->
        let n = Ord.compare v low in
        if n = 0 then ((v, d), r) :: p
        else if n < 0 then aux r p
        else aux l (((v, d), r) :: p)
    in
    __seq_of_path cons_path (aux m [])
  let add_seq i m = Seq.fold_left (fun m (k, v) -> add k v m) m i
  let of_seq i = add_seq i Map_empty
end
