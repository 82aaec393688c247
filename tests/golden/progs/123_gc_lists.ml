(* GC stress: allocate many short-lived lists. *)
let () =
  let total = ref 0 in
  for i = 1 to 100 do
    let l = List.init 200 (fun j -> i + j) in
    let m = List.map (fun x -> x * 2) l in
    let f = List.filter (fun x -> x mod 3 = 0) m in
    total := (!total + List.fold_left ( + ) 0 f) mod 1000000
  done;
  Printf.printf "%d\n" !total;
  let keep = ref [] in
  for i = 1 to 100 do
    keep := List.init 20 (fun j -> i * j) :: !keep;
    ignore (List.init 100 (fun j -> j))
  done;
  Printf.printf "%d %d\n" (List.length !keep) (List.fold_left (fun acc l -> acc + List.nth l 19) 0 !keep)
