(* Abstract types: a signature hides a type's definition (module M : S, functor results),
   `with type` makes it manifest again, a functor's body sees only its parameter's
   signature, and applications of a functor to the same module share their abstract types
   (applicative functors, as OCaml's) *)
module type COUNTER = sig
  type t
  val zero : t
  val incr : t -> t
  val to_int : t -> int
end

module Counter : COUNTER = struct
  type t = int
  let zero = 0
  let to_int n = n
  let incr n = 1 + n
end

module Wrapped : COUNTER with type t = int = struct
  type t = int
  let zero = 100
  let incr n = n + 10
  let to_int n = n
end

module Twice (C : COUNTER) = struct
  let twice x = C.incr (C.incr x)
  let show x = Printf.sprintf "<%d>" (C.to_int x)
end

module T1 = Twice (Counter)
module T2 = Twice (Wrapped)

module type STACK = sig
  type 'a t
  exception Empty
  val empty : 'a t
  val push : 'a -> 'a t -> 'a t
  val pop : 'a t -> 'a * 'a t
  val size : 'a t -> int
end

module ListStack : STACK = struct
  type 'a t = 'a list
  exception Empty
  let empty = []
  let push x s = x :: s
  let pop = function [] -> raise Empty | x :: s -> (x, s)
  let size = List.length
end

module type ORD = sig type t val compare : t -> t -> int end
module type BAG = sig
  type elt
  type t
  val nothing : t
  val insert : elt -> t -> t
  val to_list : t -> elt list
end
module Bag (O : ORD) : BAG with type elt = O.t = struct
  type elt = O.t
  type t = elt list
  let nothing = []
  let rec insert x = function
    | [] -> [ x ]
    | y :: ys as l -> if O.compare x y <= 0 then x :: l else y :: insert x ys
  let to_list b = b
end
module IntOrd = struct type t = int let compare = compare end
module B1 = Bag (IntOrd)
module B2 = Bag (IntOrd)

let () =
  let c = T1.twice (Counter.incr Counter.zero) in
  print_endline (T1.show c);
  print_endline (T2.show (T2.twice Wrapped.zero));
  (* Wrapped.t = int is visible *)
  Printf.printf "%d\n" (Wrapped.incr 5 + 1);
  let s = ListStack.(push 3 (push 2 (push 1 empty))) in
  let x, s = ListStack.pop s in
  Printf.printf "%d %d\n" x (ListStack.size s);
  (match ListStack.pop (snd (ListStack.pop (snd (ListStack.pop s)))) with
   | _ -> print_endline "popped"
   | exception ListStack.Empty -> print_endline "empty");
  (* B1.t and B2.t are the same type: Bag (IntOrd).t *)
  let b = B1.insert 5 (B2.insert 1 (B1.insert 3 B2.nothing)) in
  print_endline (String.concat " " (List.map string_of_int (B2.to_list b)))
