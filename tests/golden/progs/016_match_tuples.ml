(* Matching on tuples, nested tuples. *)
let fizz n = match (n mod 3, n mod 5) with
  | (0, 0) -> "FizzBuzz"
  | (0, _) -> "Fizz"
  | (_, 0) -> "Buzz"
  | _ -> string_of_int n
let cmp3 t = match t with
  | (a, (b, c)) when a < b && b < c -> "ascending"
  | (a, (b, c)) when a > b && b > c -> "descending"
  | (_, (_, _)) -> "mixed"
let logic a b = match a, b with
  | true, true -> "both"
  | true, false | false, true -> "one"
  | false, false -> "none"
let () =
  for i = 1 to 20 do print_endline (fizz i) done;
  List.iter (fun t -> print_endline (cmp3 t)) [(1, (2, 3)); (3, (2, 1)); (1, (3, 2))];
  print_endline (logic true true);
  print_endline (logic true false);
  print_endline (logic false true);
  print_endline (logic false false);
  let ((a, b), c, (d, (e, f))) = ((1, 2), 3, (4, (5, 6))) in
  print_int (a + b + c + d + e + f); print_newline ()
