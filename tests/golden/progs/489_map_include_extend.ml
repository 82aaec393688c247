(* Extending a functor-built module with include: a string map with of_list/keys helpers,
   a map over pair keys, maps of maps, type annotations with the instance's type *)
module SMap = struct
  include Map.Make (String)
  let of_list l = List.fold_left (fun m (k, v) -> add k v m) empty l
  let keys m = List.map fst (bindings m)
  let find_or ~default k m = match find_opt k m with Some v -> v | None -> default
end

module Pos = struct
  type t = int * int
  let compare (a, b) (c, d) = match compare a c with 0 -> compare b d | n -> n
end

module PMap = Map.Make (Pos)
module ISet = Set.Make (Int)

let grid : char PMap.t =
  List.fold_left
    (fun m (y, row) -> snd (String.fold_left (fun (x, m) c -> (x + 1, if c <> '.' then PMap.add (x, y) c m else m)) (0, m) row))
    PMap.empty
    (List.mapi (fun y r -> (y, r)) [ "#..#"; ".##."; "..#." ])

let neighbours (x, y) = [ (x - 1, y); (x + 1, y); (x, y - 1); (x, y + 1) ]

let () =
  let m : int SMap.t = SMap.of_list [ ("b", 2); ("a", 1); ("c", 3); ("a", 10) ] in
  Printf.printf "%s\n" (String.concat "," (SMap.keys m));
  Printf.printf "%d %d\n" (SMap.find_or ~default:0 "a" m) (SMap.find_or ~default:(-1) "z" m);
  let m2 = SMap.map (fun v -> v * v) m |> SMap.filter (fun _ v -> v > 4) in
  SMap.iter (fun k v -> Printf.printf "%s=%d " k v) m2;
  print_newline ();
  PMap.iter (fun (x, y) c -> Printf.printf "(%d,%d)%c " x y c) grid;
  print_newline ();
  let connected =
    PMap.fold
      (fun p _ acc -> acc + List.length (List.filter (fun q -> PMap.mem q grid) (neighbours p)))
      grid 0
  in
  Printf.printf "cells %d, adjacent pairs %d\n" (PMap.cardinal grid) (connected / 2);
  let index : ISet.t SMap.t =
    List.fold_left
      (fun idx (word, line) -> SMap.update word (fun s -> Some (ISet.add line (Option.value s ~default:ISet.empty))) idx)
      SMap.empty
      [ ("led", 3); ("uart", 1); ("led", 7); ("spi", 2); ("uart", 9); ("led", 3) ]
  in
  SMap.iter (fun w s -> Printf.printf "%s: %s\n" w (String.concat " " (List.map string_of_int (ISet.elements s)))) index;
  let nested = SMap.of_list [ ("x", SMap.of_list [ ("p", 1) ]); ("y", SMap.empty) ] in
  Printf.printf "%d %b\n" (SMap.cardinal nested) (SMap.is_empty (SMap.find "y" nested));
  Printf.printf "%b\n" (SMap.equal ( = ) m (SMap.of_list [ ("a", 10); ("b", 2); ("c", 3) ]))
