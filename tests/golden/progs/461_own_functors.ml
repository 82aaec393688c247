(* Functors of one's own: a monoid fold, a two-argument functor for pairs, a functor
   returning a module with a signature constrained by `with type`, functor of a functor
   result *)
module type MONOID = sig
  type t
  val empty : t
  val combine : t -> t -> t
end

module Fold (M : MONOID) = struct
  let concat l = List.fold_left M.combine M.empty l
  let power x n =
    let rec go acc n = if n = 0 then acc else go (M.combine acc x) (n - 1) in
    go M.empty n
end

module Sum = struct type t = int let empty = 0 let combine = ( + ) end
module Prod = struct type t = int let empty = 1 let combine = ( * ) end
module Str = struct type t = string let empty = "" let combine = ( ^ ) end
module MaxM = struct type t = int option let empty = None
  let combine a b = match a, b with None, x | x, None -> x | Some x, Some y -> Some (max x y) end

module Pair (A : MONOID) (B : MONOID) : MONOID with type t = A.t * B.t = struct
  type t = A.t * B.t
  let empty = (A.empty, B.empty)
  let combine (a1, b1) (a2, b2) = (A.combine a1 a2, B.combine b1 b2)
end

module SP = Pair (Sum) (Prod)
module FS = Fold (Sum)
module FP = Fold (Prod)
module FStr = Fold (Str)
module FSP = Fold (SP)
module FMax = Fold (MaxM)
module Nested = Fold (Pair (Str) (Pair (Sum) (Sum)))

module type SHOW = sig type t val show : t -> string end
module ListShow (S : SHOW) = struct
  type t = S.t list
  let show l = "[" ^ String.concat ", " (List.map S.show l) ^ "]"
end
module IntShow = struct type t = int let show = string_of_int end
module LL = ListShow (ListShow (IntShow))

let () =
  let l = [ 3; 1; 4; 1; 5; 9; 2; 6 ] in
  Printf.printf "sum %d prod %d\n" (FS.concat l) (FP.concat l);
  Printf.printf "pow %d %d\n" (FS.power 7 6) (FP.power 3 10);
  print_endline (FStr.concat [ "a"; "b"; "c" ] ^ FStr.power "xy" 3);
  let s, p = FSP.concat (List.map (fun x -> (x, x)) l) in
  Printf.printf "pair %d %d\n" s p;
  (match FMax.concat (List.map (fun x -> Some x) l) with Some m -> Printf.printf "max %d\n" m | None -> ());
  let w, (a, b) = Nested.concat [ ("x", (1, 2)); ("y", (3, 4)); ("z", (5, 6)) ] in
  Printf.printf "%s %d %d\n" w a b;
  print_endline (LL.show [ [ 1; 2 ]; []; [ 3 ] ])
