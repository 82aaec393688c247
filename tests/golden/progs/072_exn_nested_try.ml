(* Nested try blocks and handler ordering. *)
exception E1
exception E2 of string
let f n =
  try
    try
      if n = 1 then raise E1
      else if n = 2 then raise (E2 "two")
      else if n = 3 then failwith "three"
      else if n = 4 then raise Not_found
      else "normal"
    with E1 -> "inner E1"
       | Failure s -> "inner Failure " ^ s
  with E2 s -> "outer E2 " ^ s
     | E1 -> "outer E1 (unreachable)"
     | Not_found -> "outer Not_found"
let () =
  for i = 0 to 4 do print_endline (f i) done;
  let x = try (try 1 / 0 with Not_found -> 0) + 1 with Division_by_zero -> 100 in
  print_int x; print_newline ();
  let y = (try 10 with E1 -> 0) + (try raise E1 with E1 -> 5) in
  print_int y; print_newline ();
  let count = ref 0 in
  for i = 1 to 10 do
    try
      if i mod 3 = 0 then raise E1;
      incr count
    with E1 -> print_string "skip "
  done;
  print_newline ();
  print_int !count; print_newline ()
