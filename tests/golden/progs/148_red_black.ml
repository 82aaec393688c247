(* Okasaki's red-black tree insertion with nested patterns and or-patterns. *)
type color = R | B
type 'a t = E | T of color * 'a t * 'a * 'a t
let balance c l v r = match c, l, v, r with
  | B, T (R, T (R, a, x, b), y, c), z, d
  | B, T (R, a, x, T (R, b, y, c)), z, d
  | B, a, x, T (R, T (R, b, y, c), z, d)
  | B, a, x, T (R, b, y, T (R, c, z, d)) -> T (R, T (B, a, x, b), y, T (B, c, z, d))
  | c, l, v, r -> T (c, l, v, r)
let insert x s =
  let rec ins t = match t with
    | E -> T (R, E, x, E)
    | T (c, l, v, r) as n -> if x < v then balance c (ins l) v r else if x > v then balance c l v (ins r) else n in
  match ins s with T (_, l, v, r) -> T (B, l, v, r) | E -> E
let rec to_list t = match t with E -> [] | T (_, l, v, r) -> to_list l @ [v] @ to_list r
let rec black_height t = match t with E -> 1 | T (c, l, _, _) -> (if c = B then 1 else 0) + black_height l
let rec valid t = match t with
  | E -> true
  | T (R, T (R, _, _, _), _, _) | T (R, _, _, T (R, _, _, _)) -> false
  | T (_, l, _, r) -> black_height l = black_height r && valid l && valid r
let rec depth t = match t with E -> 0 | T (_, l, _, r) -> 1 + max (depth l) (depth r)
let () =
  let t = List.fold_left (fun t x -> insert x t) E (List.init 100 (fun i -> i)) in
  Printf.printf "size %d depth %d bh %d valid %b\n" (List.length (to_list t)) (depth t) (black_height t) (valid t);
  let t2 = List.fold_left (fun t x -> insert x t) E [5; 2; 8; 1; 9; 3; 7; 4; 6; 0; 5; 5] in
  print_endline (String.concat " " (List.map string_of_int (to_list t2)));
  Printf.printf "valid %b\n" (valid t2);
  let ts = List.fold_left (fun t x -> insert x t) E ["m"; "c"; "x"; "a"; "e"] in
  print_endline (String.concat "" (to_list ts))
