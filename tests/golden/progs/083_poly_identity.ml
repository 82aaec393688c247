(* Polymorphic functions used at several types. *)
let id x = x
let const x _ = x
let flip f x y = f y x
let pair x y = (x, y)
let twice f x = f (f x)
let () =
  print_int (id 5); print_newline ();
  print_endline (id "str");
  print_char (id 'c'); print_newline ();
  Printf.printf "%b\n" (id true);
  print_float (id 1.5); print_newline ();
  print_int (List.length (id [1; 2; 3])); print_newline ();
  print_endline (const "kept" 99);
  print_int (const 1 "dropped"); print_newline ();
  print_int (flip ( - ) 1 10); print_newline ();
  print_endline (flip ( ^ ) "a" "b");
  let (a, b) = pair 1 "one" in
  Printf.printf "%d %s\n" a b;
  let (c, d) = pair [true] 'x' in
  Printf.printf "%b %c\n" (List.hd c) d;
  print_int (twice (fun x -> x * 3) 2); print_newline ();
  print_endline (twice (fun s -> s ^ s) "ab");
  print_int ((id id) 7); print_newline ();
  print_int (twice twice (fun x -> x + 1) 0); print_newline ()
