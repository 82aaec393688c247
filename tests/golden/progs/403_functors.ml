(* Functors of one and two arguments, with type, include, module types. *)
module type SHOW = sig type t val show : t -> string end
module type CONTAINER = sig
  type elt
  type t
  val empty : t
  val add : elt -> t -> t
  val elements : t -> elt list
end

module IntShow = struct type t = int let show = string_of_int end
module StrShow : SHOW with type t = string = struct type t = string let show s = "\"" ^ s ^ "\"" end

module Pair (A : SHOW) (B : SHOW) = struct
  type t = A.t * B.t
  let show (a, b) = "(" ^ A.show a ^ ", " ^ B.show b ^ ")"
end

module ListC (S : SHOW) : CONTAINER with type elt = S.t = struct
  type elt = S.t
  type t = elt list
  let empty = []
  let add x l = x :: l
  let elements l = List.rev l
end

module Base = struct
  let greet name = "hello " ^ name
  let count = ref 0
end

module Extended = struct
  include Base
  let greet_twice n = greet n ^ "; " ^ greet n
end

module P = Pair (IntShow) (StrShow)
module PP = Pair (P) (IntShow)
module C = ListC (IntShow)

let () =
  print_endline (P.show (1, "one"));
  print_endline (PP.show ((2, "two"), 3));
  let c = C.add 3 (C.add 2 (C.add 1 C.empty)) in
  print_endline (String.concat " " (List.map IntShow.show (C.elements c)));
  print_endline (Extended.greet_twice "bob");
  incr Extended.count; incr Base.count;
  Printf.printf "%d\n" !Base.count;
  let module_local x = let open Extended in greet x in
  print_endline (module_local "ann")
