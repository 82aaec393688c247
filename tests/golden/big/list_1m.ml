(* A desktop-sized program (issue 16): lists of 10^6 elements, about 12 MB each, several
   live at once: more than the 16 MiB heap a manifest could claim before and the 64 MB the
   runner allowed (tests/golden/meson.build runs it with --heap 256M, both collectors).
   Tail-recursive functions only: OCaml's own stack would overflow otherwise. *)
let n = 1_000_000

let () =
  let l = List.init n (fun i -> i) in
  let sq = List.rev (List.rev_map (fun x -> let m = x mod 1000 in m * m mod 1000) l) in
  let evens = List.filter (fun x -> x mod 2 = 0) sq in
  let pairs = List.rev (List.rev_map2 (fun x y -> (x, y)) l sq) in
  let r = List.rev l in
  let s = List.fold_left ( + ) 0 sq in
  let a = Array.of_list r in
  Printf.printf "%d %d %d %d\n" (List.length l) s (List.length evens) a.(0);
  Printf.printf "%d\n" (List.fold_left (fun acc (x, y) -> (acc + (x land 0xfff) * y) land 0xffffff) 0 pairs);
  Printf.printf "%d %d\n" (List.hd r) (List.nth l 999_999)
