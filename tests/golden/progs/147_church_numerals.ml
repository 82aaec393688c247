(* Church numerals and other higher-order polymorphic encodings. *)
let zero _f x = x
let succ n f x = f (n f x)
let add m n f x = m f (n f x)
let mul m n f = m (n f)
let to_int n = n (fun k -> k + 1) 0
let to_str n = n (fun s -> s ^ "S") "Z"
let church_true a _ = a
let church_false _ b = b
let church_if c t e = c t e
let () =
  let one f x = succ zero f x in
  let two f x = succ one f x in
  let three f x = add one two f x in
  let six f x = mul two three f x in
  Printf.printf "%d %d %d %d\n" (to_int zero) (to_int two) (to_int three) (to_int six);
  print_endline (to_str three);
  Printf.printf "%d\n" (to_int (mul six six));
  print_endline (church_if church_true "yes" "no");
  print_endline (church_if church_false "yes" "no");
  let pair a b = fun sel -> sel a b in
  let first p = p (fun a _ -> a) and second p = p (fun _ b -> b) in
  let p = pair 10 20 in
  Printf.printf "%d %d\n" (first p) (second p)
