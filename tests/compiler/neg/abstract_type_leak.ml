(* a signature's abstract type hides its definition: M.t is not int outside M *)
module M : sig
  type t
  val make : int -> t
end = struct
  type t = int
  let make x = x * 2
end

let () = print_int (M.make 3)
