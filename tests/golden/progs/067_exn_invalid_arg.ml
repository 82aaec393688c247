(* invalid_arg and Invalid_argument, including those raised by the stdlib. *)
let checked_sqrt n = if n < 0 then invalid_arg "checked_sqrt" else
  let r = ref 0 in while (!r + 1) * (!r + 1) <= n do incr r done; !r
let show f = try f () with Invalid_argument s -> "Invalid_argument: " ^ s
let () =
  print_endline (show (fun () -> string_of_int (checked_sqrt 50)));
  print_endline (show (fun () -> string_of_int (checked_sqrt (-1))));
  print_endline (show (fun () -> string_of_int [| 1; 2 |].(2)));
  print_endline (show (fun () -> string_of_int [| 1; 2 |].(-1)));
  print_endline (show (fun () -> String.make 1 "abc".[3]));
  print_endline (show (fun () -> String.sub "hello" 3 5));
  print_endline (show (fun () -> string_of_int (List.nth [1; 2] (-1))));
  print_endline (show (fun () -> String.make 1 (Char.chr 300)));
  print_endline (show (fun () -> string_of_int (Array.length (Array.make (-1) 0))));
  print_endline (show (fun () -> raise (Invalid_argument "manual")));
  let a = Array.make 3 0 in
  print_endline (show (fun () -> a.(3) <- 1; "set"));
  print_endline (show (fun () -> a.(2) <- 1; "set ok"))
