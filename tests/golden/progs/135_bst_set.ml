(* A binary search tree set with insert, member, remove, fold. *)
type t = E | N of t * int * t
let rec mem x t = match t with E -> false | N (l, v, r) -> x = v || (if x < v then mem x l else mem x r)
let rec add x t = match t with
  | E -> N (E, x, E)
  | N (l, v, r) as n -> if x < v then N (add x l, v, r) else if x > v then N (l, v, add x r) else n
let rec min_elt t = match t with E -> raise Not_found | N (E, v, _) -> v | N (l, _, _) -> min_elt l
let rec remove x t = match t with
  | E -> E
  | N (l, v, r) ->
      if x < v then N (remove x l, v, r)
      else if x > v then N (l, v, remove x r)
      else (match l, r with
            | E, _ -> r
            | _, E -> l
            | _ -> let m = min_elt r in N (l, m, remove m r))
let rec elements t = match t with E -> [] | N (l, v, r) -> elements l @ (v :: elements r)
let () =
  let s = List.fold_left (fun s x -> add x s) E [50; 20; 80; 10; 30; 70; 90; 25; 35; 20] in
  print_endline (String.concat " " (List.map string_of_int (elements s)));
  List.iter (fun x -> Printf.printf "%d:%b " x (mem x s)) [10; 15; 35; 90; 100];
  print_newline ();
  let s2 = remove 20 (remove 50 (remove 90 s)) in
  print_endline (String.concat " " (List.map string_of_int (elements s2)));
  Printf.printf "min %d\n" (min_elt s2);
  (try ignore (min_elt E) with Not_found -> print_endline "empty has no min")
