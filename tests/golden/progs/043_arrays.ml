(* Arrays: literals, indexing, update, iteration. *)
let () =
  let a = [| 1; 2; 3; 4; 5 |] in
  print_int (Array.length a); print_newline ();
  print_int a.(0); print_int a.(4); print_newline ();
  a.(2) <- 30;
  Array.iter (fun x -> print_int x; print_char ' ') a; print_newline ();
  let b = Array.make 4 'z' in
  b.(1) <- 'a';
  Array.iter print_char b; print_newline ();
  let sq = Array.init 6 (fun i -> i * i) in
  for i = 0 to Array.length sq - 1 do Printf.printf "%d:%d " i sq.(i) done;
  print_newline ();
  let m = Array.make 3 [||] in
  for i = 0 to 2 do m.(i) <- Array.make 3 (i + 1) done;
  m.(1).(1) <- 0;
  Array.iter (fun row -> Array.iter (fun x -> print_int x) row; print_newline ()) m;
  let empty : int array = [||] in
  print_int (Array.length empty); print_newline ();
  let sum = ref 0 in
  Array.iter (fun x -> sum := !sum + x) sq;
  print_int !sum; print_newline ();
  Printf.printf "%b\n" ([| 1; 2 |] = [| 1; 2 |])
