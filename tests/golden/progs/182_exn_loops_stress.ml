(* Many handler frames pushed and popped in loops; raising from closures called by
   library functions; exceptions carrying closures. *)
exception Skip of int
exception Carry of (int -> int)
let () =
  let caught = ref 0 and sum = ref 0 in
  for i = 1 to 100000 do
    try if i mod 3 = 0 then raise (Skip i) else sum := (!sum + i) mod 1000003
    with Skip k -> caught := !caught + (k mod 2)
  done;
  Printf.printf "%d %d\n" !caught !sum;
  let total = ref 0 in
  List.iter (fun l ->
    try List.iter (fun x -> if x < 0 then raise (Skip x) else total := !total + x) l
    with Skip x -> total := !total * 2 + x) [[1; 2]; [3; -1; 100]; []; [4; -2]; [5]];
  Printf.printf "%d\n" !total;
  let r = try ignore (List.map (fun x -> if x = 3 then raise (Carry (fun y -> y * x)) else x) [1; 2; 3; 4]); 0
    with Carry f -> f 14 in
  Printf.printf "%d\n" r;
  let rec nest n = if n = 0 then raise (Skip 0) else try nest (n - 1) with Skip k -> raise (Skip (k + 1)) in
  (try nest 1000 with Skip k -> Printf.printf "nested %d\n" k);
  let count = ref 0 in
  let rec loop i = if i < 50000 then begin
      (try (try raise Not_found with Not_found -> incr count; raise (Skip i)) with Skip _ -> incr count);
      loop (i + 1) end in
  loop 0;
  Printf.printf "%d\n" !count
