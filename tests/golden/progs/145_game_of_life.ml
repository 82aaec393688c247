(* Conway's game of life on a small torus. *)
let w = 10 and h = 8
let step g =
  Array.init h (fun y -> Array.init w (fun x ->
    let n = ref 0 in
    for dy = -1 to 1 do for dx = -1 to 1 do
      if (dx <> 0 || dy <> 0) && g.((y + dy + h) mod h).((x + dx + w) mod w) then incr n
    done done;
    if g.(y).(x) then !n = 2 || !n = 3 else !n = 3))
let print g =
  Array.iter (fun row -> Array.iter (fun c -> print_char (if c then '#' else '.')) row; print_newline ()) g;
  print_endline "--"
let () =
  let g = Array.init h (fun _ -> Array.make w false) in
  List.iter (fun (x, y) -> g.(y).(x) <- true) [(1, 0); (2, 1); (0, 2); (1, 2); (2, 2); (6, 5); (7, 5); (8, 5)];
  let cur = ref g in
  for _ = 0 to 4 do print !cur; cur := step !cur done;
  for _ = 1 to 30 do cur := step !cur done;
  print !cur;
  let alive = Array.fold_left (fun acc row -> Array.fold_left (fun a c -> if c then a + 1 else a) acc row) 0 !cur in
  Printf.printf "alive: %d\n" alive
