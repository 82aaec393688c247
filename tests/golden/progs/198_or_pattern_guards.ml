(* Or-patterns under a guard: the leftmost matching alternative gives the bindings, the
   guard is evaluated once with them, and if it fails matching goes on with the NEXT
   clause (other alternatives of the same or-pattern are not retried). *)
type t = A of int | B of int | C
let guard_calls = ref 0
let g x = incr guard_calls; x = 1
let f p = match p with (1, x) | (x, 7) when g x -> "A" | _ -> "B"
let h v w = match v, w with
  | (A x, _) | (_, A x) when x > 2 -> x
  | (B y, B z) -> y + z
  | _ -> 0
let k l = match l with
  | [x; _] | [_; _; x] when x > 0 -> x
  | _ :: _ -> -1
  | [] -> -2
let () =
  List.iter (fun p -> print_string (f p ^ " ")) [(1, 7); (2, 7); (1, 1); (1, 5); (3, 3)];
  print_newline ();
  Printf.printf "guard evaluated %d times\n" !guard_calls;
  List.iter (fun (v, w) -> Printf.printf "%d " (h v w)) [(A 1, A 5); (A 5, C); (C, A 3); (B 1, B 2); (A 1, B 2); (A 3, A 9)];
  print_newline ();
  List.iter (fun l -> Printf.printf "%d " (k l)) [[1; 2]; [-1; 2]; [0; 0; 5]; [5; 5; -5]; []; [1]];
  print_newline ()
