(* B6 (tests/golden/known/BUGS.md): partial application with labels only of a function with an optional parameter *)
let f ?(scale = 3) ~base x = base * scale + x
let () =
  let g = f ~scale:5 in
  let h = f ~base:2 in
  Printf.printf "%d %d %d\n" (g ~base:2 1) (h 1) (h ~scale:1 1)
