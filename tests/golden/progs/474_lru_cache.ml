(* blocked by B1: the record field ('k, 'v * int) Hashtbl.t *)
(* An LRU cache: a Hashtbl from key to (value, stamp) and eviction of the oldest stamp;
   a memoised function on top, with hit/miss statistics in a record *)
module Lru = struct
  type ('k, 'v) t = {
    cap : int;
    table : ('k, 'v * int) Hashtbl.t;
    mutable clock : int;
    mutable hits : int;
    mutable misses : int;
    mutable evictions : int;
  }

  let create cap = { cap; table = Hashtbl.create cap; clock = 0; hits = 0; misses = 0; evictions = 0 }

  let tick c = c.clock <- c.clock + 1; c.clock

  let evict c =
    let victim =
      Hashtbl.fold
        (fun k (_, stamp) acc -> match acc with Some (_, s) when s <= stamp -> acc | _ -> Some (k, stamp))
        c.table None
    in
    match victim with Some (k, _) -> Hashtbl.remove c.table k; c.evictions <- c.evictions + 1 | None -> ()

  let find c k =
    match Hashtbl.find_opt c.table k with
    | Some (v, _) -> c.hits <- c.hits + 1; Hashtbl.replace c.table k (v, tick c); Some v
    | None -> c.misses <- c.misses + 1; None

  let add c k v =
    if not (Hashtbl.mem c.table k) && Hashtbl.length c.table >= c.cap then evict c;
    Hashtbl.replace c.table k (v, tick c)

  let keys c =
    List.map fst (List.sort (fun (_, a) (_, b) -> compare a b) (Hashtbl.fold (fun k (_, s) acc -> (k, s) :: acc) c.table []))
end

let memo cache f x =
  match Lru.find cache x with
  | Some v -> v
  | None -> let v = f x in Lru.add cache x v; v

let slow_square calls x = incr calls; x * x

let () =
  let c = Lru.create 3 in
  Lru.add c "a" 1;
  Lru.add c "b" 2;
  Lru.add c "c" 3;
  ignore (Lru.find c "a");
  Lru.add c "d" 4;
  Printf.printf "keys %s\n" (String.concat "," (Lru.keys c));
  Printf.printf "b? %s\n" (match Lru.find c "b" with Some v -> string_of_int v | None -> "evicted");
  Lru.add c "a" 10;
  Printf.printf "a=%d keys %s\n" (Option.get (Lru.find c "a")) (String.concat "," (Lru.keys c));
  let calls = ref 0 in
  let m = Lru.create 4 in
  let results = List.map (memo m (slow_square calls)) [ 1; 2; 3; 1; 2; 5; 6; 1; 7; 3; 3 ] in
  Printf.printf "%s\n" (String.concat " " (List.map string_of_int results));
  Printf.printf "calls=%d hits=%d misses=%d evictions=%d\n" !calls m.Lru.hits m.Lru.misses m.Lru.evictions
