(* Nested let ... in, closures over outer variables. *)
let compute n =
  let a = n * 2 in
  let b =
    let c = a + 1 in
    let d = c * c in
    d - a
  in
  let e = let f x = x + a + b in f 1 in
  (a, b, e)

let () =
  for i = 1 to 5 do
    let (a, b, e) = compute i in
    Printf.printf "%d: %d %d %d\n" i a b e
  done;
  let x = 1 in
  let y = let x = x + 1 in let y = x * 10 in y + x in
  Printf.printf "%d %d\n" x y
