(* Functional quicksort and in-place array quicksort. *)
let rec qsort l = match l with
  | [] -> []
  | p :: rest ->
      let (lo, hi) = List.partition (fun x -> x < p) rest in
      qsort lo @ [p] @ qsort hi
let swap a i j = let t = a.(i) in a.(i) <- a.(j); a.(j) <- t
let rec aqsort a lo hi =
  if lo < hi then begin
    let p = a.(hi) in
    let i = ref lo in
    for j = lo to hi - 1 do if a.(j) < p then (swap a !i j; incr i) done;
    swap a !i hi;
    aqsort a lo (!i - 1);
    aqsort a (!i + 1) hi
  end
let () =
  let seed = ref 12345 in
  let rand () = seed := (!seed * 1103 + 12345) mod 65536; !seed mod 1000 in
  let l = List.init 40 (fun _ -> rand ()) in
  print_endline (String.concat " " (List.map string_of_int (qsort l)));
  let a = Array.of_list l in
  aqsort a 0 (Array.length a - 1);
  print_endline (String.concat " " (List.map string_of_int (Array.to_list a)));
  Printf.printf "%b\n" (qsort l = List.sort compare l);
  print_endline (String.concat " " (qsort ["delta"; "alpha"; "charlie"; "bravo"]))
