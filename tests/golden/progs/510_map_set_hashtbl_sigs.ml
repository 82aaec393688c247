(* Map.S, Set.S, Hashtbl.S: signatures of functor parameters and of modules, `with type`
   constraints on them, and `let module` of functor applications *)
module type ORDERED = Map.OrderedType
module Count (M : Map.S with type key = string) = struct
  let count words = List.fold_left (fun m w -> M.update w (function None -> Some 1 | Some n -> Some (n + 1)) m) M.empty words
  let show m = M.iter (fun k v -> Printf.printf "%s=%d " k v) m; print_newline ()
end
module SM = Map.Make (String)
module C = Count (SM)
module type INTSET = Set.S with type elt = int
module IS : INTSET = Set.Make (Int)
let words = ["b"; "a"; "b"; "c"; "a"; "b"]
let () =
  C.show (C.count words);
  let module LM = Map.Make (struct type t = int let compare a b = compare b a end) in
  let m = List.fold_left (fun m (k, v) -> LM.add k v m) LM.empty [1, "x"; 3, "y"; 2, "z"] in
  LM.iter (fun k v -> Printf.printf "%d:%s " k v) m; print_newline ();
  let s = IS.of_list [5; 1; 3] in
  print_endline (String.concat "," (List.map string_of_int (IS.elements s)));
  let module H = Hashtbl.Make (struct type t = string let equal = ( = ) let hash = String.length end) in
  let h = H.create 8 in
  H.replace h "ab" 1; H.replace h "abc" 2; H.replace h "ab" 3;
  Printf.printf "%d %d %d\n" (H.find h "ab") (H.find h "abc") (H.length h)
