(* List.fold_left and fold_right, order of application. *)
let () =
  Printf.printf "%d\n" (List.fold_left ( + ) 0 [1; 2; 3; 4; 5]);
  Printf.printf "%d\n" (List.fold_left ( - ) 100 [1; 2; 3]);
  Printf.printf "%d\n" (List.fold_right ( - ) [1; 2; 3] 100);
  print_endline (List.fold_left (fun acc s -> acc ^ s) "" ["a"; "b"; "c"]);
  print_endline (List.fold_right (fun s acc -> acc ^ s) ["a"; "b"; "c"] "");
  let rev l = List.fold_left (fun acc x -> x :: acc) [] l in
  List.iter (fun x -> Printf.printf "%d " x) (rev [1; 2; 3]); print_newline ();
  let copy l = List.fold_right (fun x acc -> x :: acc) l [] in
  List.iter (fun x -> Printf.printf "%d " x) (copy [1; 2; 3]); print_newline ();
  let (mn, mx) = List.fold_left (fun (mn, mx) x -> (min mn x, max mx x)) (1000, -1000) [5; -3; 8; 0] in
  Printf.printf "%d %d\n" mn mx
let () =
  List.fold_left (fun () x -> Printf.printf "left %d\n" x) () [1; 2; 3];
  List.fold_right (fun x () -> Printf.printf "right %d\n" x) [1; 2; 3] ();
  Printf.printf "%d\n" (List.fold_left (fun acc x -> acc * 2 + x) 0 [1; 0; 1; 1]);
  Printf.printf "%d\n" (List.fold_left (fun acc l -> acc + List.length l) 0 [[1]; []; [2; 3]])
