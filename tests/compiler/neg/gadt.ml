type _ t =
  | Int : int -> int t
  | Bool : bool -> bool t
