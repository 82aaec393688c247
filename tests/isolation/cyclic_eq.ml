(* cyclic_eq.ml - slice-buster: structural equality of two cyclic values, one `polyeq`
   instruction that never ends (as in OCaml). It must cost the high container nothing
   more than a slice; fuel and the progress monitor stop it like any loop. *)
type t = { v : int; mutable next : t option }

let () =
  let a = { v = 1; next = None } and b = { v = 1; next = None } in
  a.next <- Some a;
  b.next <- Some b;
  print_endline "cyclic: comparing";
  print_endline (if a = b then "equal" else "different")
