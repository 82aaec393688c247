(* Merge sort on lists. *)
(* golden: heap 512K *)
let rec split l = match l with
  | [] -> ([], [])
  | [x] -> ([x], [])
  | x :: y :: rest -> let (a, b) = split rest in (x :: a, y :: b)
let rec merge cmp a b = match a, b with
  | [], l | l, [] -> l
  | x :: xs, y :: ys -> if cmp x y <= 0 then x :: merge cmp xs b else y :: merge cmp a ys
let rec msort cmp l = match l with
  | [] | [_] -> l
  | _ -> let (a, b) = split l in merge cmp (msort cmp a) (msort cmp b)
let () =
  let l = [38; 27; 43; 3; 9; 82; 10; 3; -1; 0; 55] in
  print_endline (String.concat " " (List.map string_of_int (msort compare l)));
  print_endline (String.concat " " (List.map string_of_int (msort (fun a b -> compare b a) l)));
  let words = ["kiwi"; "fig"; "apple"; "date"; "banana"; "cherry"] in
  print_endline (String.concat " " (msort (fun a b -> compare (String.length a) (String.length b)) words));
  let big = List.init 1000 (fun i -> (i * 7907) mod 1009) in
  let s = msort compare big in
  Printf.printf "%d %d %d %b\n" (List.length s) (List.hd s) (List.nth s 999) (s = List.sort compare big)
