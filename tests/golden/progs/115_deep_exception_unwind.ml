(* Raising from deep recursion unwinds many frames; handler frames interleaved. *)
(* golden: stack 1M *)
exception Bottom of int
let rec dive n = if n = 0 then raise (Bottom 0) else 1 + dive (n - 1)
let rec dive_handlers n =
  if n = 0 then raise (Bottom 0)
  else if n mod 100 = 0 then (try 1 + dive_handlers (n - 1) with Bottom k -> raise (Bottom (k + 1)))
  else 1 + dive_handlers (n - 1)
let () =
  (try print_int (dive 50000) with Bottom k -> Printf.printf "bottom %d\n" k);
  (try print_int (dive_handlers 20000) with Bottom k -> Printf.printf "passed %d handlers\n" k);
  let rec safe n = if n = 0 then 0 else try 1 + safe (n - 1) with Not_found -> 0 in
  Printf.printf "%d\n" (safe 5000)
