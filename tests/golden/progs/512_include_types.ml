(* include X brings X's types: a functor extending its parameter (B8 in known/BUGS.md) *)
module type ORD = sig type t val compare : t -> t -> int end
module Ext (X : ORD) = struct
  include X
  let max (a : t) b = if compare a b >= 0 then a else b
end
module E = Ext (Int)
let () =
  let x : E.t = 4 in
  print_int (E.max x 9); print_newline ()
