(* The function keyword. *)
let describe = function
  | 0 -> "zero"
  | 1 -> "one"
  | n when n < 0 -> "negative"
  | _ -> "many"

let rec length = function
  | [] -> 0
  | _ :: t -> 1 + length t

let swap = function (a, b) -> (b, a)

let () =
  List.iter (fun n -> print_endline (describe n)) [0; 1; -5; 7];
  print_int (length [1; 2; 3; 4; 5]); print_newline ();
  let (x, y) = swap (1, 2) in
  Printf.printf "%d %d\n" x y;
  let classify = List.map (function true -> 'T' | false -> 'F') [true; false; false; true] in
  List.iter print_char classify; print_newline ();
  print_endline ((function Some s -> s | None -> "none") (Some "some"));
  print_endline ((function Some s -> s | None -> "none") None)
