(* Closures capturing mutable state. *)
let make_counter start step =
  let n = ref start in
  let next () = let v = !n in n := !n + step; v in
  let reset () = n := start in
  (next, reset)
let make_acc () = let total = ref 0 in fun x -> total := !total + x; !total
let () =
  let (next1, reset1) = make_counter 0 1 in
  let (next2, _) = make_counter 100 (-10) in
  for _ = 1 to 3 do Printf.printf "%d %d\n" (next1 ()) (next2 ()) done;
  reset1 ();
  Printf.printf "after reset: %d\n" (next1 ());
  let acc = make_acc () in
  List.iter (fun x -> Printf.printf "%d " (acc x)) [1; 2; 3; 4; 5];
  print_newline ();
  let counters = List.map (fun s -> make_counter s s) [1; 2; 3] in
  List.iter (fun (nx, _) -> ignore (nx ())) counters;
  List.iter (fun (nx, _) -> Printf.printf "%d " (nx ())) counters;
  print_newline ()
