(* Multi-parameter type application of a qualified type constructor: (k, v) Hashtbl.t,
   (a, b) M.t, in annotations, record fields and type abbreviations (tests/golden/known/BUGS.md B1). *)
module M = struct
  type ('a, 'b) pair = { left : 'a; right : 'b }
  let swap p = { left = p.right; right = p.left }
end

type registry = { names : (int, string) Hashtbl.t; mutable count : int }
type 'v table = (string, 'v) Hashtbl.t

let h : (int, string) Hashtbl.t = Hashtbl.create 8
let reg = { names = h; count = 0 }
let register r id name = Hashtbl.replace r.names id name; r.count <- r.count + 1

let scores : int table = Hashtbl.create 4
let p : (int, string) M.pair = { M.left = 1; right = "one" }
let q : (string, int) M.pair = M.swap p
let both (x : ((int, string) M.pair * (string, int) M.pair)) = fst x

let () =
  register reg 1 "alpha";
  register reg 2 "beta";
  Hashtbl.add scores "x" 10;
  Printf.printf "%d %s %s\n" reg.count (Hashtbl.find h 1) (Hashtbl.find reg.names 2);
  Printf.printf "%d %s %d %s\n" (Hashtbl.find scores "x") q.M.left q.M.right (both (p, q)).M.right
