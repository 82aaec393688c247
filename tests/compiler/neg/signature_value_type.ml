(* a value whose type does not match the signature's *)
module M : sig
  val scale : int -> int
end = struct
  let scale x = x *. 2.0
end
