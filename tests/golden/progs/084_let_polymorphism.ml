(* let-bound polymorphism: a local polymorphic function used at different types. *)
let () =
  let wrap x = [x] in
  let a = wrap 1 and b = wrap "s" and c = wrap (wrap 'c') in
  Printf.printf "%d %s %c\n" (List.hd a) (List.hd b) (List.hd (List.hd c));
  let rec len l = match l with [] -> 0 | _ :: t -> 1 + len t in
  Printf.printf "%d %d %d\n" (len [1; 2]) (len ["a"; "b"; "c"]) (len [[]; []; []; []]);
  let map_pair f (x, y) = (f x, f y) in
  let (p, q) = map_pair string_of_int (1, 2) in
  let (r, s) = map_pair not (true, false) in
  Printf.printf "%s %s %b %b\n" p q r s;
  let compose f g x = f (g x) in
  let h1 = compose string_of_int (fun x -> x * 2) in
  let h2 = compose String.length (fun s -> s ^ "!!") in
  Printf.printf "%s %d\n" (h1 21) (h2 "abc");
  let swap (a, b) = (b, a) in
  let (x1, y1) = swap (1, "one") and (x2, y2) = swap ('z', 2.5) in
  Printf.printf "%s %d %f %c\n" x1 y1 x2 y2
