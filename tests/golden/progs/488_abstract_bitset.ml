(* An abstract bitset behind a signature (ints of 30 bits per word so it is the same on
   31- and 63-bit ints), and a functor that gives any enumeration a set of its values *)
module type BITSET = sig
  type t
  val create : int -> t
  val add : t -> int -> unit
  val remove : t -> int -> unit
  val mem : t -> int -> bool
  val cardinal : t -> int
  val elements : t -> int list
  val union : t -> t -> t
end

module Bitset : BITSET = struct
  type t = { words : int array; size : int }
  let bits = 30
  let create n = { words = Array.make ((n + bits - 1) / bits) 0; size = n }
  let check s i = if i < 0 || i >= s.size then invalid_arg "Bitset"
  let add s i = check s i; s.words.(i / bits) <- s.words.(i / bits) lor (1 lsl (i mod bits))
  let remove s i = check s i; s.words.(i / bits) <- s.words.(i / bits) land lnot (1 lsl (i mod bits))
  let mem s i = check s i; s.words.(i / bits) land (1 lsl (i mod bits)) <> 0
  let popcount w = let rec go w c = if w = 0 then c else go (w land (w - 1)) (c + 1) in go w 0
  let cardinal s = Array.fold_left (fun acc w -> acc + popcount w) 0 s.words
  let elements s = List.filter (mem s) (List.init s.size (fun i -> i))
  let union a b = { a with words = Array.map2 ( lor ) a.words b.words }
end

module type ENUM = sig
  type t
  val all : t list
  val name : t -> string
end

module EnumSet (E : ENUM) = struct
  let index x =
    let rec go i = function [] -> raise Not_found | y :: r -> if y = x then i else go (i + 1) r in
    go 0 E.all
  let of_list l = let s = Bitset.create (List.length E.all) in List.iter (fun x -> Bitset.add s (index x)) l; s
  let to_list s = List.map (fun i -> List.nth E.all i) (Bitset.elements s)
  let show s = "{" ^ String.concat ", " (List.map E.name (to_list s)) ^ "}"
end

type perm = Read | Write | Exec | Admin
module Perms = EnumSet (struct
  type t = perm
  let all = [ Read; Write; Exec; Admin ]
  let name = function Read -> "read" | Write -> "write" | Exec -> "exec" | Admin -> "admin"
end)

let () =
  let s = Bitset.create 100 in
  List.iter (Bitset.add s) [ 0; 29; 30; 31; 59; 60; 99; 29 ];
  Bitset.remove s 31;
  Printf.printf "%d [%s]\n" (Bitset.cardinal s) (String.concat " " (List.map string_of_int (Bitset.elements s)));
  Printf.printf "%b %b\n" (Bitset.mem s 59) (Bitset.mem s 58);
  (try Bitset.add s 100 with Invalid_argument m -> print_endline m);
  let t = Bitset.create 100 in
  Bitset.add t 58;
  Printf.printf "%d\n" (Bitset.cardinal (Bitset.union s t));
  let user = Perms.of_list [ Write; Read ] and admin = Perms.of_list [ Admin; Exec; Read ] in
  print_endline (Perms.show user);
  print_endline (Perms.show (Bitset.union user admin));
  Printf.printf "%b\n" (Bitset.mem admin (Perms.index Exec))
