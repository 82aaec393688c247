(* Polymorphic functions and types inside modules used at several types, mutually
   recursive functions and types in a module, open in a structure, shadowing between
   modules, exceptions carrying records *)
module Tree = struct
  type 'a t = Leaf | Node of 'a t * 'a * 'a t
  let rec insert cmp x = function
    | Leaf -> Node (Leaf, x, Leaf)
    | Node (l, v, r) as n ->
      let c = cmp x v in
      if c < 0 then Node (insert cmp x l, v, r) else if c > 0 then Node (l, v, insert cmp x r) else n
  let rec fold f acc = function Leaf -> acc | Node (l, v, r) -> fold f (f (fold f acc l) v) r
  let to_list t = List.rev (fold (fun acc x -> x :: acc) [] t)
  let of_list cmp l = List.fold_left (fun t x -> insert cmp x t) Leaf l
  let rec depth = function Leaf -> 0 | Node (l, _, r) -> 1 + max (depth l) (depth r)
end

module Doc = struct
  type block = Para of inline list | Section of string * block list
  and inline = Text of string | Bold of inline list | Code of string
  let rec render_block indent = function
    | Para l -> String.make indent ' ' ^ String.concat "" (List.map render_inline l)
    | Section (t, bs) -> String.concat "\n" ((String.make indent ' ' ^ "# " ^ t) :: List.map (render_block (indent + 2)) bs)
  and render_inline = function
    | Text s -> s
    | Bold l -> "*" ^ String.concat "" (List.map render_inline l) ^ "*"
    | Code c -> "`" ^ c ^ "`"
end

type error_info = { code : int; where : string }
exception Failed of error_info

module Checked = struct
  open Tree
  let sorted_unique cmp l =
    let t = of_list cmp l in
    if depth t > 8 then raise (Failed { code = depth t; where = "too deep" });
    to_list t
  let size t = fold (fun n _ -> n + 1) 0 t
end

module A = struct let name = "A" let value = 1 end
module B = struct let name = "B" end

let () =
  let ints = Tree.of_list compare [ 5; 2; 8; 1; 9; 2; 7 ] in
  let strs = Tree.of_list String.compare [ "pear"; "apple"; "fig"; "apple" ] in
  Printf.printf "%s | %s | %d %d\n" (String.concat " " (List.map string_of_int (Tree.to_list ints)))
    (String.concat " " (Tree.to_list strs)) (Tree.depth ints) (Checked.size strs);
  let rev = Tree.of_list (fun a b -> compare b a) [ 1.5; 0.5; 2.5 ] in
  print_endline (String.concat " " (List.map string_of_float (Tree.to_list rev)));
  print_endline
    (Doc.render_block 0
       (Doc.Section ("Intro", [ Doc.Para [ Doc.Text "Run "; Doc.Code "sensec"; Doc.Text " now." ];
                                Doc.Section ("Details", [ Doc.Para [ Doc.Bold [ Doc.Text "Note:"; Doc.Code "x" ] ] ]) ])));
  (match Checked.sorted_unique compare (List.init 20 (fun i -> i)) with
   | l -> Printf.printf "%d elements\n" (List.length l)
   | exception Failed { code; where } -> Printf.printf "failed %d (%s)\n" code where);
  Printf.printf "%d\n" (List.length (Checked.sorted_unique compare [ 3; 1; 2 ]));
  let open A in
  let open B in
  Printf.printf "%s %d\n" name value
