(* if/then/else, nested, without else (unit), as expressions. *)
let sign n = if n > 0 then 1 else if n < 0 then -1 else 0
let max3 a b c = if a >= b then (if a >= c then a else c) else if b >= c then b else c
let () =
  List.iter (fun n -> print_int (sign n); print_char ' ') [5; -3; 0; 100; -100];
  print_newline ();
  print_int (max3 1 2 3); print_int (max3 3 2 1); print_int (max3 2 3 1); print_newline ();
  for i = 1 to 6 do
    if i mod 2 = 0 then print_string "even ";
    if i > 3 then print_string "big " else print_string "small ";
    print_newline ()
  done;
  let s = if String.length "abc" = 3 then "three" else "not three" in
  print_endline s;
  let x = 1 + (if true then 10 else 20) * 2 in
  print_int x; print_newline ();
  if not (1 = 2) then print_endline "not equal"
