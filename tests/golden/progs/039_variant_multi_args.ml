(* Constructors with several arguments, and with tuple-typed arguments. *)
type shape =
  | Circle of int
  | Rect of int * int
  | Tri of int * int * int
  | Labeled of string * shape
type pt = P of (int * int)
let rec perimeter s = match s with
  | Circle r -> 6 * r
  | Rect (w, h) -> 2 * (w + h)
  | Tri (a, b, c) -> a + b + c
  | Labeled (_, s) -> perimeter s
let rec name s = match s with
  | Circle _ -> "circle" | Rect _ -> "rect" | Tri _ -> "tri"
  | Labeled (l, s) -> l ^ ":" ^ name s
let () =
  let shapes = [Circle 2; Rect (3, 4); Tri (3, 4, 5); Labeled ("big", Rect (10, 20)); Labeled ("x", Labeled ("y", Circle 1))] in
  List.iter (fun s -> Printf.printf "%s %d\n" (name s) (perimeter s)) shapes;
  let p = P (3, 4) in
  (match p with P (x, y) -> Printf.printf "%d %d\n" x y);
  let t = (5, 6) in
  let q = P t in
  (match q with P pr -> Printf.printf "%d\n" (fst pr + snd pr))
