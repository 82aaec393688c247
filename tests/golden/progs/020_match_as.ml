(* Alias patterns with as. *)
let rec compress l = match l with
  | a :: (b :: _ as rest) -> if a = b then compress rest else a :: compress rest
  | short -> short
let first_two l = match l with
  | (x :: y :: _) as whole -> Printf.sprintf "%d,%d of %d" x y (List.length whole)
  | _ as other -> Printf.sprintf "short list of %d" (List.length other)
let dup p = match p with ((a, _) as left, (_, d)) -> (left, a + d)
let () =
  List.iter (fun x -> print_int x; print_char ' ') (compress [1; 1; 2; 2; 2; 3; 1; 1]);
  print_newline ();
  print_endline (first_two [5; 6; 7; 8]);
  print_endline (first_two [5]);
  let ((p, q), s) = dup ((1, 2), (3, 4)) in
  Printf.printf "%d %d %d\n" p q s;
  match Some (3, "x") with
  | Some ((n, _) as pr) as o ->
      let (_, s) = pr in
      Printf.printf "%d %s %b\n" n s (o = Some (3, "x"))
  | None -> ()
