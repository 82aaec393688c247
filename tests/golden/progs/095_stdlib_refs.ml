(* ref ! := incr decr. *)
let () =
  let x = ref 10 in
  incr x; incr x; decr x;
  Printf.printf "%d\n" !x;
  x := !x * 3;
  Printf.printf "%d\n" !x;
  let total = ref 0 in
  List.iter (fun n -> total := !total + n) [1; 2; 3; 4];
  Printf.printf "%d\n" !total;
  let r = ref "s" in
  r := !r ^ "t";
  print_endline !r;
  let swap a b = let t = !a in a := !b; b := t in
  let p = ref 1 and q = ref 2 in
  swap p q;
  Printf.printf "%d %d\n" !p !q;
  let fib n = let a = ref 0 and b = ref 1 in
    for _ = 1 to n do let t = !a + !b in a := !b; b := t done; !a in
  Printf.printf "%d\n" (fib 40);
  let counter = ref 0 in
  while !counter < 1000 do incr counter done;
  Printf.printf "%d\n" !counter
