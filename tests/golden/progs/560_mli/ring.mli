(* A fixed-size ring buffer of sensor samples; its representation is hidden. *)
type 'a t

exception Empty

val create : int -> 'a -> 'a t
val push : 'a t -> 'a -> unit
val pop : 'a t -> 'a
val length : 'a t -> int
val to_list : 'a t -> 'a list

type stats = { count : int; dropped : int }

val stats : 'a t -> stats
