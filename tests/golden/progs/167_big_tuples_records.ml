(* Large tuples and records with many fields. *)
type big = { f1 : int; f2 : string; f3 : bool; f4 : char; f5 : int list; f6 : float; f7 : int option; mutable f8 : int }
let () =
  let t = (1, "two", 3, '4', [5], 6.0, Some 7, (8, 9)) in
  let (a, b, c, d, e, f, g, (h, i)) = t in
  Printf.printf "%d %s %d %c %d %f %d %d %d\n" a b c d (List.hd e) f (match g with Some x -> x | None -> 0) h i;
  let r = { f1 = 1; f2 = "s"; f3 = true; f4 = 'c'; f5 = [1; 2]; f6 = 0.5; f7 = None; f8 = 0 } in
  r.f8 <- r.f1 + List.length r.f5;
  Printf.printf "%d %s %b %c %d %f %b %d\n" r.f1 r.f2 r.f3 r.f4 (List.length r.f5) r.f6 (r.f7 = None) r.f8;
  let r2 = { r with f2 = "changed"; f7 = Some 3 } in
  Printf.printf "%s %s %b %b\n" r.f2 r2.f2 (r = r2) (r2.f8 = r.f8);
  Printf.printf "%b\n" (t = (1, "two", 3, '4', [5], 6.0, Some 7, (8, 9)))
