type a = { x : int; y : int }
type b = { x : float; z : int }
let p = { x = 1; y = 2 }
let q = { x = 1.5; z = 3 }
let f (r : a) = r.x + r.y
let () = Printf.printf "%d %d %f\n" (f p) p.x q.x
let g { x; y } = x * y
let () = Printf.printf "%d\n" (g p)
