(* Closures capture the values of free variables at creation time. *)
let () =
  let x = 10 in
  let f () = x in
  let x = 20 in
  Printf.printf "%d %d\n" (f ()) x;
  let fs = List.map (fun i -> fun () -> i * i) [1; 2; 3; 4] in
  List.iter (fun g -> Printf.printf "%d " (g ())) fs;
  print_newline ();
  let r = ref 1 in
  let g () = !r in
  r := 2;
  Printf.printf "%d\n" (g ());
  let a = 1 and b = 2 and c = 3 and d = 4 and e = 5 in
  let many () = a + b * 10 + c * 100 + d * 1000 + e * 10000 in
  Printf.printf "%d\n" (many ());
  let rec outer n = if n = 0 then (fun () -> 0) else let inner = outer (n - 1) in fun () -> n + inner () in
  Printf.printf "%d\n" ((outer 100) ());
  let s = "captured string" in
  let h = fun prefix -> prefix ^ s in
  print_endline (h ">> ")
