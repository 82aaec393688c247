(* hello.ml — the Quick start demo: a little of everything sensec compiles. *)
type shape = Circle of float | Rect of float * float | Square of float

let area = function
  | Circle r -> 3.14159 *. r *. r
  | Rect (w, h) -> w *. h
  | Square s -> s *. s

let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

let () =
  print_endline "Hello from Sense-VM!";
  Printf.printf "fib 20 = %d\n" (fib 20);
  let shapes = [ Circle 1.0; Rect (2.0, 3.5); Square 4.0 ] in
  List.iter (fun s -> Printf.printf "area %.2f\n" (area s)) shapes;
  let words = [ "container"; "context"; "channel"; "cam" ] in
  let sorted = List.sort compare words in
  print_endline (String.concat ", " sorted);
  let squares = Array.init 8 (fun i -> i * i) in
  Printf.printf "sum of squares = %d\n" (Array.fold_left ( + ) 0 squares);
  (try ignore (List.assoc "missing" [ ("here", 1) ]) with Not_found -> print_endline "Not_found caught");
  Printf.printf "%s\n" (if fib 10 = 55 then "ok" else "bad")
