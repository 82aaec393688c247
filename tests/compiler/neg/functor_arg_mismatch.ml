(* an argument that lacks a value of the parameter's signature *)
module type S = sig
  type t
  val compare : t -> t -> int
end
module F (X : S) = struct
  let max a b = if X.compare a b >= 0 then a else b
end
module A = F (struct type t = int end)
