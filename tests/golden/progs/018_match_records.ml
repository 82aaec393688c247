(* Matching on records, partial record patterns. *)
type point = { x : int; y : int }
type shape = { name : string; origin : point; size : int }
let quadrant p = match p with
  | { x = 0; y = 0 } -> "origin"
  | { x; y } when x > 0 && y > 0 -> "Q1"
  | { x; y = _ } when x < 0 -> "left"
  | { y; _ } when y < 0 -> "below"
  | _ -> "axis"
let describe s = match s with
  | { name = "unit"; size = 1; _ } -> "the unit shape"
  | { origin = { x = 0; y = 0 }; name; size } -> Printf.sprintf "%s at origin, size %d" name size
  | { name; origin = { x; y }; _ } -> Printf.sprintf "%s at (%d,%d)" name x y
let () =
  List.iter (fun p -> print_endline (quadrant p))
    [{ x = 0; y = 0 }; { x = 1; y = 2 }; { x = -1; y = 5 }; { x = 3; y = -3 }; { x = 0; y = 4 }];
  List.iter (fun s -> print_endline (describe s))
    [{ name = "unit"; origin = { x = 9; y = 9 }; size = 1 };
     { name = "sq"; origin = { x = 0; y = 0 }; size = 4 };
     { name = "tri"; origin = { x = 2; y = -7 }; size = 3 }];
  let { x = a; y = b } = { x = 10; y = 20 } in
  print_int (a + b); print_newline ()
