(* A leftist heap used as a priority queue; heap sort. *)
(* golden: heap 72K *)
type 'a heap = E | T of int * 'a * 'a heap * 'a heap
let rank h = match h with E -> 0 | T (r, _, _, _) -> r
let make x a b = if rank a >= rank b then T (rank b + 1, x, a, b) else T (rank a + 1, x, b, a)
let rec merge h1 h2 = match h1, h2 with
  | E, h | h, E -> h
  | T (_, x, a1, b1), T (_, y, a2, b2) ->
      if x <= y then make x a1 (merge b1 h2) else make y a2 (merge h1 b2)
let insert x h = merge (T (1, x, E, E)) h
let pop_min h = match h with E -> None | T (_, x, a, b) -> Some (x, merge a b)
let rec drain h acc = match pop_min h with None -> List.rev acc | Some (x, h') -> drain h' (x :: acc)
let () =
  let h = List.fold_left (fun h x -> insert x h) E [5; 9; 1; 7; 3; 8; 2; 6; 4; 0; 5] in
  print_endline (String.concat " " (List.map string_of_int (drain h [])));
  let tasks = List.fold_left (fun h t -> insert t h) E [(3, "write"); (1, "plan"); (2, "code"); (5, "ship"); (4, "test")] in
  List.iter (fun (p, n) -> Printf.printf "%d:%s " p n) (drain tasks []);
  print_newline ();
  let big = List.fold_left (fun h x -> insert ((x * 37) mod 1009) h) E (List.init 1000 (fun i -> i)) in
  let sorted = drain big [] in
  Printf.printf "%d %d %d\n" (List.length sorted) (List.hd sorted) (List.nth sorted 999)
