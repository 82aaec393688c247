(* Guards (when clauses), including guards that fall through. *)
let classify n = match n with
  | n when n < 0 -> "negative"
  | 0 -> "zero"
  | n when n mod 2 = 0 && n > 100 -> "big even"
  | n when n mod 2 = 0 -> "even"
  | n when n > 100 -> "big odd"
  | _ -> "odd"
let calls = ref 0
let check x = incr calls; x > 2
let pick l = match l with
  | x :: _ when check x -> "first>2"
  | _ :: y :: _ when check y -> "second>2"
  | _ -> "none"
let () =
  List.iter (fun n -> Printf.printf "%d: %s\n" n (classify n)) [-3; 0; 4; 102; 7; 101];
  print_endline (pick [5; 1]);
  print_endline (pick [1; 5]);
  print_endline (pick [1; 1]);
  print_endline (pick []);
  Printf.printf "guard calls: %d\n" !calls;
  let f p = match p with
    | (a, b) when a = b -> "equal"
    | (a, b) when a > b -> "greater"
    | _ -> "less" in
  List.iter (fun p -> print_endline (f p)) [(1, 1); (2, 1); (1, 2)]
