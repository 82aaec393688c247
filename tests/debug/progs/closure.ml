(* A frame inside a closure body (`let rec find x = function …`: sensec compiles the
   `function` as a closure, OCaml merges it into find) is named after its function. *)
let rec find x = function
  | [] -> raise Not_found
  | y :: r -> if x = y then 0 else 1 + find x r

let g l = find 5 l + 1

let () = Printf.printf "%d\n" (g [1; 2; 3])
