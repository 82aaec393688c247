(* asm-has: assign *)
(* local refs: unboxed in their slot when they do not escape (docs/sensec.md) *)
let twice f x = f (f x)
let () =
  (* plain counters *)
  let n = ref 0 and s = ref 0 in
  for i = 1 to 10 do incr n; s := !s + i done;
  decr n;
  Printf.printf "%d %d\n" !n !s;
  (* captured by a closure: stays a real ref, shared with the closure *)
  let c = ref 0 in
  let bump () = c := !c + 10 in
  bump (); bump ();
  Printf.printf "%d\n" !c;
  (* passed to a function: escapes *)
  let e = ref 5 in
  let set r v = r := v in
  set e 7;
  Printf.printf "%d\n" !e;
  (* assigned inside try, then an exception: the assignment stays *)
  let t = ref 1 in
  (try t := 2; if !t = 2 then raise Exit; t := 3 with Exit -> t := !t * 10);
  Printf.printf "%d\n" !t;
  (* shadowing, and a ref per loop iteration *)
  let r = ref "a" in
  let r2 = r in
  let r = ref "b" in
  r := !r ^ "c";
  Printf.printf "%s %s\n" !r !r2;
  for i = 1 to 3 do let k = ref i in k := !k * !k; print_int !k; print_char ' ' done;
  print_newline ();
  (* the contents matched, then replaced: the match keeps the old contents *)
  let p = ref (1, 2) in
  (match !p with (a, b) -> p := (b, a); Printf.printf "%d %d " a b);
  (let (a, b) = !p in Printf.printf "%d %d\n" a b);
  (* floats and strings, while loops *)
  let f = ref 1.5 and i = ref 0 in
  while !i < 3 do f := !f *. 2.0; incr i done;
  Printf.printf "%g %d\n" !f !i;
  (* (!) as a value, and a ref in a list: escapes *)
  let g = ref 9 in
  let get = ( ! ) in
  let l = [g; ref 4] in
  g := 8;
  Printf.printf "%d %d\n" (get g) (List.fold_left (fun a x -> a + !x) 0 l);
  (* a ref whose contents is a function *)
  let h = ref (fun x -> x + 1) in
  h := (fun x -> x * 3);
  Printf.printf "%d %d\n" (!h 5) (twice !h 2);
  (* a constrained ref *)
  let q : int ref = ref 3 in
  let q2 = (ref 4 : int ref) in
  q := !q + !q2;
  Printf.printf "%d\n" !q
