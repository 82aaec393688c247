(* SPDX-License-Identifier: MIT
   set.ml - module Set: Set.Make (Ord), persistent sets as height-balanced (AVL) trees,
   iterated in increasing order as OCaml's. Instantiated at compile time, like Map.Make. *)
module type OrderedType = Map.OrderedType

module type S = sig
  type elt
  type t
  val empty : t
  val is_empty : t -> bool
  val mem : elt -> t -> bool
  val add : elt -> t -> t
  val singleton : elt -> t
  val remove : elt -> t -> t
  val union : t -> t -> t
  val inter : t -> t -> t
  val disjoint : t -> t -> bool
  val diff : t -> t -> t
  val compare : t -> t -> int
  val equal : t -> t -> bool
  val subset : t -> t -> bool
  val iter : (elt -> unit) -> t -> unit
  val map : (elt -> elt) -> t -> t
  val fold : (elt -> 'a -> 'a) -> t -> 'a -> 'a
  val for_all : (elt -> bool) -> t -> bool
  val exists : (elt -> bool) -> t -> bool
  val filter : (elt -> bool) -> t -> t
  val filter_map : (elt -> elt option) -> t -> t
  val partition : (elt -> bool) -> t -> t * t
  val cardinal : t -> int
  val elements : t -> elt list
  val min_elt : t -> elt
  val min_elt_opt : t -> elt option
  val max_elt : t -> elt
  val max_elt_opt : t -> elt option
  val choose : t -> elt
  val choose_opt : t -> elt option
  val split : elt -> t -> t * bool * t
  val find : elt -> t -> elt
  val find_opt : elt -> t -> elt option
  val find_first : (elt -> bool) -> t -> elt
  val find_first_opt : (elt -> bool) -> t -> elt option
  val find_last : (elt -> bool) -> t -> elt
  val find_last_opt : (elt -> bool) -> t -> elt option
  val of_list : elt list -> t
  val to_seq_from : elt -> t -> elt Seq.t
  val to_seq : t -> elt Seq.t
  val to_rev_seq : t -> elt Seq.t
  val add_seq : elt Seq.t -> t -> t
  val of_seq : elt Seq.t -> t
end

module Make (Ord : OrderedType) : S with type elt = Ord.t = struct
  type elt = Ord.t
  type t = Set_empty | Set_node of t * elt * t * int

  let empty = Set_empty
  let is_empty s = match s with Set_empty -> true | _ -> false
  let height s = match s with Set_empty -> 0 | Set_node (_, _, _, h) -> h
  let create l v r =
    let hl = height l and hr = height r in
    Set_node (l, v, r, if hl >= hr then hl + 1 else hr + 1)
  let singleton x = Set_node (Set_empty, x, Set_empty, 1)
  let bal l v r =
    let hl = height l and hr = height r in
    if hl > hr + 2 then begin
      match l with
      | Set_empty -> invalid_arg "Set.bal"
      | Set_node (ll, lv, lr, _) ->
        if height ll >= height lr then create ll lv (create lr v r)
        else begin
          match lr with
          | Set_empty -> invalid_arg "Set.bal"
          | Set_node (lrl, lrv, lrr, _) -> create (create ll lv lrl) lrv (create lrr v r)
        end
    end else if hr > hl + 2 then begin
      match r with
      | Set_empty -> invalid_arg "Set.bal"
      | Set_node (rl, rv, rr, _) ->
        if height rr >= height rl then create (create l v rl) rv rr
        else begin
          match rl with
          | Set_empty -> invalid_arg "Set.bal"
          | Set_node (rll, rlv, rlr, _) -> create (create l v rll) rlv (create rlr rv rr)
        end
    end else create l v r

  let rec add x s =
    match s with
    | Set_empty -> Set_node (Set_empty, x, Set_empty, 1)
    | Set_node (l, v, r, _) ->
      let c = Ord.compare x v in
      if c = 0 then s else if c < 0 then bal (add x l) v r else bal l v (add x r)

  let rec mem x s =
    match s with
    | Set_empty -> false
    | Set_node (l, v, r, _) -> let c = Ord.compare x v in c = 0 || mem x (if c < 0 then l else r)

  let rec find x s =
    match s with
    | Set_empty -> raise Not_found
    | Set_node (l, v, r, _) -> let c = Ord.compare x v in if c = 0 then v else find x (if c < 0 then l else r)
  let find_opt x s = if mem x s then Some (find x s) else None

  let rec min_elt s =
    match s with
    | Set_empty -> raise Not_found
    | Set_node (Set_empty, v, _, _) -> v
    | Set_node (l, _, _, _) -> min_elt l
  let min_elt_opt s = if is_empty s then None else Some (min_elt s)
  let rec max_elt s =
    match s with
    | Set_empty -> raise Not_found
    | Set_node (_, v, Set_empty, _) -> v
    | Set_node (_, _, r, _) -> max_elt r
  let max_elt_opt s = if is_empty s then None else Some (max_elt s)
  let choose = min_elt
  let choose_opt = min_elt_opt

  let rec remove_min s =
    match s with
    | Set_empty -> invalid_arg "Set.remove_min_elt"
    | Set_node (Set_empty, _, r, _) -> r
    | Set_node (l, v, r, _) -> bal (remove_min l) v r
  let merge_trees t1 t2 =
    match t1, t2 with
    | Set_empty, t -> t
    | t, Set_empty -> t
    | _ -> bal t1 (min_elt t2) (remove_min t2)
  let rec remove x s =
    match s with
    | Set_empty -> Set_empty
    | Set_node (l, v, r, _) ->
      let c = Ord.compare x v in
      if c = 0 then merge_trees l r else if c < 0 then bal (remove x l) v r else bal l v (remove x r)

  let rec iter f s = match s with Set_empty -> () | Set_node (l, v, r, _) -> iter f l; f v; iter f r
  let rec fold f s acc = match s with Set_empty -> acc | Set_node (l, v, r, _) -> fold f r (f v (fold f l acc))
  let elements s = List.rev (fold (fun x acc -> x :: acc) s [])
  let rec cardinal s = match s with Set_empty -> 0 | Set_node (l, _, r, _) -> cardinal l + 1 + cardinal r
  let rec for_all p s = match s with Set_empty -> true | Set_node (l, v, r, _) -> p v && for_all p l && for_all p r
  let rec exists p s = match s with Set_empty -> false | Set_node (l, v, r, _) -> p v || exists p l || exists p r
  let filter p s = fold (fun x acc -> if p x then add x acc else acc) s empty
  let partition p s = fold (fun x (y, n) -> if p x then (add x y, n) else (y, add x n)) s (empty, empty)
  let map f s = fold (fun x acc -> add (f x) acc) s empty
  let filter_map f s = fold (fun x acc -> match f x with Some y -> add y acc | None -> acc) s empty
  let union s1 s2 = fold add s2 s1
  let inter s1 s2 = filter (fun x -> mem x s2) s1
  let diff s1 s2 = filter (fun x -> not (mem x s2)) s1
  let subset s1 s2 = for_all (fun x -> mem x s2) s1
  let of_list l = List.fold_left (fun acc x -> add x acc) empty l
  let compare s1 s2 =
    let rec go l1 l2 =
      match l1, l2 with
      | [], [] -> 0
      | [], _ -> -1
      | _, [] -> 1
      | a :: t1, b :: t2 -> let c = Ord.compare a b in if c <> 0 then c else go t1 t2
    in
    go (elements s1) (elements s2)
  let equal s1 s2 = compare s1 s2 = 0
  let find_first f s = match List.find_opt f (elements s) with Some x -> x | None -> raise Not_found
  let find_first_opt f s = List.find_opt f (elements s)
  let find_last f s = match List.find_opt f (List.rev (elements s)) with Some x -> x | None -> raise Not_found
  let find_last_opt f s = List.find_opt f (List.rev (elements s))
  let disjoint s1 s2 = not (exists (fun x -> mem x s2) s1)
  let split x s =
    fold (fun v (l, p, r) ->
        let c = Ord.compare v x in
        if c < 0 then (add v l, p, r) else if c > 0 then (l, p, add v r) else (l, true, r))
      s (Set_empty, false, Set_empty)
  (* sequences: Map.__seq_of_path over (element, subtree) paths *)
  let rec cons_path s p =
    match s with Set_empty -> p | Set_node (l, v, r, _) -> cons_path l ((v, r) :: p)
  let rec snoc_path s p =
    match s with Set_empty -> p | Set_node (l, v, r, _) -> snoc_path r ((v, l) :: p)
  let to_seq s = Map.__seq_of_path cons_path (cons_path s [])
  let to_rev_seq s = Map.__seq_of_path snoc_path (snoc_path s [])
  let to_seq_from low s =
    let rec aux s p =
      match s with
      | Set_empty -> p
      | Set_node (l, v, r, _) ->
        let n = Ord.compare v low in
        if n = 0 then (v, r) :: p
        else if n < 0 then aux r p
        else aux l ((v, r) :: p)
    in
    Map.__seq_of_path cons_path (aux s [])
  let add_seq i s = Seq.fold_left (fun s x -> add x s) s i
  let of_seq i = add_seq i Set_empty
end
