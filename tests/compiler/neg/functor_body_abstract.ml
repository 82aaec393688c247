(* a functor's body is checked where it is defined, against its parameter's signature
   (it is never applied here) *)
module type S = sig
  type t
  val zero : t
end
module F (X : S) = struct
  let bad = X.zero + 1
end
