(* Structures, nested modules, signatures, aliases, local opens, exceptions and types in modules. *)
module type ORDERED = sig
  type t
  val compare : t -> t -> int
end

module IntOrd = struct
  type t = int
  let compare (a : int) b = compare a b
end

module Counter : sig
  val next : unit -> int
  val reset : unit -> unit
end = struct
  let n = ref 0
  let next () = incr n; !n
  let reset () = n := 0
  let hidden = 42
end

module Tree (O : ORDERED) = struct
  type elt = O.t
  type t = Leaf | Node of t * elt * t
  let empty = Leaf
  let rec add x = function
    | Leaf -> Node (Leaf, x, Leaf)
    | Node (l, v, r) as n ->
      let c = O.compare x v in
      if c = 0 then n else if c < 0 then Node (add x l, v, r) else Node (l, v, add x r)
  let rec to_list = function Leaf -> [] | Node (l, v, r) -> to_list l @ (v :: to_list r)
end

module IT = Tree (IntOrd)
module ST = Tree (String)

module Outer = struct
  let x = 1
  module Inner = struct
    let y = x + 1
    type color = Red | Blue
    exception Boom of int
  end
  let z = Inner.y * 10
end

module O2 = Outer

let () =
  let t = List.fold_left (fun acc x -> IT.add x acc) IT.empty [5; 3; 8; 1; 3] in
  List.iter (Printf.printf "%d ") (IT.to_list t); print_newline ();
  let s = List.fold_left (fun acc x -> ST.add x acc) ST.empty ["pear"; "apple"; "fig"] in
  print_endline (String.concat "," (ST.to_list s));
  Printf.printf "%d %d\n" (Counter.next ()) (Counter.next ());
  Counter.reset (); Printf.printf "%d\n" (Counter.next ());
  Printf.printf "%d %d %d\n" Outer.x Outer.Inner.y O2.z;
  (match Outer.Inner.Red with Outer.Inner.Red -> print_endline "red" | Outer.Inner.Blue -> ());
  (try raise (Outer.Inner.Boom 3) with Outer.Inner.Boom n -> Printf.printf "boom %d\n" n);
  let open Outer.Inner in
  Printf.printf "%d\n" y;
  Printf.printf "%d\n" Outer.(x + z)
