(* Seq pipelines: lazily generated samples, filtering, windowed sums, zip, take/drop written
   by hand, conversions to and from lists, arrays and strings *)
let rec take n s () = if n <= 0 then Seq.Nil else match s () with Seq.Nil -> Seq.Nil | Seq.Cons (x, t) -> Seq.Cons (x, take (n - 1) t)
let rec drop n s = if n <= 0 then s else fun () -> match s () with Seq.Nil -> Seq.Nil | Seq.Cons (_, t) -> drop (n - 1) t ()
let rec take_while p s () = match s () with Seq.Cons (x, t) when p x -> Seq.Cons (x, take_while p t) | _ -> Seq.Nil
let rec zip a b () = match a (), b () with Seq.Cons (x, a'), Seq.Cons (y, b') -> Seq.Cons ((x, y), zip a' b') | _ -> Seq.Nil
let naturals = Seq.unfold (fun n -> Some (n, n + 1)) 0
let to_list s = List.of_seq s

(* a pseudo-random sensor: linear congruential, kept within 31-bit ints *)
let noise seed = Seq.unfold (fun x -> let x' = (x * 1103 + 12345) mod 65536 in Some (x' mod 100, x')) seed

let windows n s =
  let rec go acc s () =
    match s () with
    | Seq.Nil -> Seq.Nil
    | Seq.Cons (x, t) ->
      let acc = x :: (if List.length acc = n then List.rev (List.tl (List.rev acc)) else acc) in
      if List.length acc = n then Seq.Cons (List.fold_left ( + ) 0 acc, go acc t) else go acc t ()
  in
  go [] s

let show l = String.concat " " (List.map string_of_int l)

let () =
  print_endline (show (to_list (take 10 naturals)));
  print_endline (show (to_list (take 5 (drop 100 (Seq.map (fun x -> x * x) naturals)))));
  print_endline (show (to_list (take_while (fun x -> x < 50) (Seq.filter (fun x -> x mod 7 = 3) naturals))));
  print_endline (show (to_list (take 12 (noise 42))));
  print_endline (show (to_list (take 8 (windows 3 (noise 42)))));
  let pairs = zip (List.to_seq [ "a"; "b"; "c" ]) naturals in
  Seq.iter (fun (s, n) -> Printf.printf "%s%d " s n) pairs;
  print_newline ();
  let evens = Seq.filter_map (fun x -> if x mod 2 = 0 then Some (x / 2) else None) (List.to_seq [ 1; 2; 3; 4; 10 ]) in
  print_endline (show (List.of_seq evens));
  let flat = Seq.flat_map (fun x -> List.to_seq [ x; x * 10 ]) (List.to_seq [ 1; 2; 3 ]) in
  print_endline (show (List.of_seq flat));
  Printf.printf "%d\n" (Seq.fold_left ( + ) 0 (take 100 naturals));
  let arr = Array.of_seq (take 5 (Seq.map (fun x -> x * 3) naturals)) in
  Printf.printf "%d [%s]\n" (Array.length arr) (show (Array.to_list arr));
  let s = String.of_seq (Seq.map Char.uppercase_ascii (String.to_seq "sense vm")) in
  print_endline s;
  Seq.iter (fun (i, c) -> Printf.printf "%d%c" i c) (String.to_seqi "abc");
  print_newline ();
  let app = Seq.append (List.to_seq [ 1; 2 ]) (Seq.cons 0 (Seq.return 9)) in
  print_endline (show (List.of_seq app));
  let counter = ref 0 in
  let lazy_seq = Seq.map (fun x -> incr counter; x) naturals in
  ignore (to_list (take 3 lazy_seq));
  Printf.printf "evaluated %d\n" !counter
