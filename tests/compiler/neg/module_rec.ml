(* recursive modules get one clear message, not a bare syntax error *)
module rec A : sig
  val f : int -> int
end = struct
  let f x = x
end
