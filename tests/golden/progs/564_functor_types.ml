(* functor types written as arrows (S -> T, S1 -> S2 -> T), functors in signatures
   (module F (X : S) : T), and `with type t = a -> b` whose arrow is the type's *)
module type ORD = sig
  type t
  val compare : t -> t -> int
end

module type SHOW = sig
  type t
  val show : t -> string
end

module type MAXER = sig
  type t
  val max_of : t list -> string
end

module Make : ORD -> SHOW -> sig
  val describe : unit -> string
end =
functor
  (O : ORD)
  ->
  functor
    (S : SHOW)
    ->
    struct
      let describe () = "made"
    end

module Lib : sig
  module Max (O : ORD) (S : SHOW with type t = O.t) : MAXER with type t = O.t
  module type FN = sig
    type f = int -> int
    val apply : f -> int -> int
  end
  module Fn : FN with type f = int -> int
end = struct
  module Max (O : ORD) (S : SHOW with type t = O.t) = struct
    type t = O.t
    let max_of l =
      match l with
      | [] -> "none"
      | x :: r ->
        S.show (List.fold_left (fun a b -> if O.compare a b >= 0 then a else b) x r)
  end
  module type FN = sig
    type f = int -> int
    val apply : f -> int -> int
  end
  module Fn = struct
    type f = int -> int
    let apply f x = f (f x)
  end
end

module IntOrd = struct
  type t = int
  let compare = compare
end

module IntShow = struct
  type t = int
  let show = string_of_int
end

module M = Make (IntOrd) (IntShow)
module X = Lib.Max (IntOrd) (IntShow)

let () =
  print_endline (M.describe ());
  print_endline (X.max_of [ 3; 9; 2 ]);
  print_endline (X.max_of []);
  Printf.printf "%d\n" (Lib.Fn.apply (fun x -> x * 3) 2)
