(* a `with type` constraint the structure does not satisfy *)
module type S = sig
  type t
  val v : t
end
module N : S with type t = string = struct
  type t = int
  let v = 3
end
