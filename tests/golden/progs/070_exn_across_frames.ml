(* Exceptions propagating through many stack frames. *)
exception Found of int
exception Depth of int
let rec search n target = if n = target then raise (Found n) else if n > 1000 then () else search (n + 1) target
let rec deep n = if n = 0 then raise (Depth 0) else 1 + deep (n - 1)
let rec deep_catch n = if n = 0 then raise (Depth 0) else
  try 1 + deep_catch (n - 1) with Depth k when k < 5 -> raise (Depth (k + 1))
let () =
  (try search 0 537; print_endline "not found" with Found n -> Printf.printf "found %d\n" n);
  (try search 0 5000; print_endline "not found" with Found n -> Printf.printf "found %d\n" n);
  (try print_int (deep 5000) with Depth d -> Printf.printf "depth exn %d\n" d);
  (try print_int (deep_catch 100) with Depth d -> Printf.printf "rethrown to %d\n" d);
  let f () = List.iter (fun x -> if x = 3 then raise (Found x) else Printf.printf "visit %d\n" x) [1; 2; 3; 4] in
  (try f () with Found x -> Printf.printf "stopped at %d\n" x);
  let r = List.map (fun x -> try if x mod 2 = 0 then raise (Found x) else x with Found y -> -y) [1; 2; 3; 4] in
  List.iter (fun x -> Printf.printf "%d " x) r; print_newline ()
