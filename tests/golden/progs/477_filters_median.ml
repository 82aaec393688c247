(* Signal filters: a median-of-5 spike filter, an exponential moving average in floats,
   hysteresis thresholding, and min/max/mean statistics of a window *)
let median5 a b c d e =
  let l = List.sort compare [ a; b; c; d; e ] in
  List.nth l 2

let median_filter xs =
  let arr = Array.of_list xs in
  let n = Array.length arr in
  Array.to_list
    (Array.init n (fun i ->
         let g j = arr.(max 0 (min (n - 1) j)) in
         median5 (g (i - 2)) (g (i - 1)) (g i) (g (i + 1)) (g (i + 2))))

let ema alpha xs =
  let _, out =
    List.fold_left (fun (prev, acc) x ->
        let y = match prev with None -> x | Some p -> p +. (alpha *. (x -. p)) in
        (Some y, y :: acc)) (None, []) xs
  in
  List.rev out

let hysteresis ~low ~high xs =
  let _, out =
    List.fold_left (fun (on, acc) x ->
        let on = if on then x > low else x >= high in
        (on, on :: acc)) (false, []) xs
  in
  List.rev out

type stats = { min : float; max : float; mean : float; stddev : float }

let stats xs =
  let n = float_of_int (List.length xs) in
  let mean = List.fold_left ( +. ) 0. xs /. n in
  let var = List.fold_left (fun acc x -> acc +. ((x -. mean) ** 2.)) 0. xs /. n in
  { min = List.fold_left min infinity xs; max = List.fold_left max neg_infinity xs; mean; stddev = sqrt var }

let () =
  let raw = [ 10; 11; 10; 95; 12; 11; 13; 12; -40; 12; 14; 15 ] in
  print_endline (String.concat " " (List.map string_of_int (median_filter raw)));
  let f = List.map float_of_int raw in
  print_endline (String.concat " " (List.map (Printf.sprintf "%.2f") (ema 0.25 f)));
  print_endline
    (String.concat "" (List.map (fun b -> if b then "#" else ".") (hysteresis ~low:11. ~high:13. f)));
  let s = stats f in
  Printf.printf "min %.1f max %.1f mean %.3f sd %.3f\n" s.min s.max s.mean s.stddev;
  let s2 = stats (List.map float_of_int (median_filter raw)) in
  Printf.printf "filtered: min %g max %g mean %g sd %.4f\n" s2.min s2.max s2.mean s2.stddev
