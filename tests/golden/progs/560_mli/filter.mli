(* A moving average over a ring, and its interface's generic value used at two types. *)
val average : int Ring.t -> int
val describe : ('a -> string) -> 'a Ring.t -> string
