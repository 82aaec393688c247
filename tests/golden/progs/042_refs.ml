(* References: ref, !, :=, incr, decr, refs in closures and data. *)
let () =
  let r = ref 0 in
  r := 5;
  print_int !r; print_newline ();
  incr r; incr r;
  print_int !r; print_newline ();
  decr r;
  print_int !r; print_newline ();
  let make_counter () = let c = ref 0 in (fun () -> incr c; !c) in
  let c1 = make_counter () and c2 = make_counter () in
  ignore (c1 ()); ignore (c1 ());
  Printf.printf "%d %d\n" (c1 ()) (c2 ());
  let s = ref "a" in
  for _ = 1 to 4 do s := !s ^ "b" done;
  print_endline !s;
  let l = ref [] in
  List.iter (fun x -> l := x :: !l) [1; 2; 3];
  List.iter (fun x -> print_int x) !l; print_newline ();
  let rr = ref (ref 1) in
  !rr := 42;
  print_int !(!rr); print_newline ();
  let refs = [ref 1; ref 2; ref 3] in
  List.iter (fun r -> r := !r * 100) refs;
  List.iter (fun r -> print_int !r; print_char ' ') refs; print_newline ();
  Printf.printf "%b %b\n" (ref 1 = ref 1) (!r = 6)
