(* Set.Make: a scheduler's ready set, ordered by (priority, name); set algebra. *)
module IS = Set.Make (Int)
module Task = struct
  type t = int * string
  let compare (p1, n1) (p2, n2) = if p1 <> p2 then compare p2 p1 else compare n1 n2
end
module TS = Set.Make (Task)

let () =
  let a = IS.of_list [5; 1; 9; 3; 7; 1] and b = IS.of_list [3; 4; 5; 6] in
  let show s = String.concat " " (List.map string_of_int (IS.elements s)) in
  Printf.printf "a=%s b=%s\n" (show a) (show b);
  Printf.printf "union=%s inter=%s diff=%s\n" (show (IS.union a b)) (show (IS.inter a b)) (show (IS.diff a b));
  Printf.printf "card=%d min=%d max=%d mem4=%b subset=%b\n" (IS.cardinal a) (IS.min_elt a) (IS.max_elt a)
    (IS.mem 4 a) (IS.subset (IS.of_list [1; 9]) a);
  let ready = TS.of_list [(1, "log"); (5, "control"); (3, "net"); (5, "alarm")] in
  TS.iter (fun (p, n) -> Printf.printf "%s(%d) " n p) ready; print_newline ();
  let ready = TS.remove (5, "alarm") ready in
  (match TS.min_elt_opt ready with Some (_, n) -> print_endline ("next: " ^ n) | None -> ());
  let evens = IS.filter (fun x -> x mod 2 = 0) (IS.of_list (List.init 20 (fun i -> i * 3))) in
  print_endline (show evens);
  Printf.printf "%b %d\n" (IS.equal a (IS.of_list [1; 3; 5; 7; 9])) (IS.compare a b)
