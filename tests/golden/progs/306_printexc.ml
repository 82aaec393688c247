(* Printexc.to_string: predefined and user exceptions, as OCaml prints them *)
exception Plain
exception With_int of int
exception With_string of string
exception Two of int * string
exception Mixed of float * char * bool * int list * string option
exception Many of int * int * int * int * int * int * int * int * int
exception Tuple of (int * int)
exception Func of (int -> int)
exception Nested of exn

let p e = print_endline (Printexc.to_string e)

let () =
  List.iter p
    [ Not_found; Exit; Division_by_zero; End_of_file; Stack_overflow; Out_of_memory;
      Failure "failed"; Invalid_argument "arg"; Failure "quote \" and \\ and \n newline";
      Failure ""; Sys_error "no file" ];
  List.iter p
    [ Plain; With_int 0; With_int (-17); With_int 1073741823; With_int (-1073741824); With_string "s"; With_string "tab\tbyte\200";
      Two (1, "x"); Mixed (2.5, 'z', true, [ 1; 2 ], Some "o"); Mixed (-0.125, '\000', false, [], None);
      Mixed (1e10, 'a', true, [], None); Mixed (100., 'a', true, [], None);
      Many (1, 2, 3, 4, 5, 6, 7, 8, 9); Tuple (1, 2); Func (fun x -> x); Nested Plain;
      Nested (With_int 3) ];
  List.iter p [ Queue.Empty; Fun.Finally_raised Not_found; Fun.Finally_raised (Two (3, "t")) ];
  (* exceptions caught and printed *)
  let attempt f = try ignore (f ()); "ok" with e -> Printexc.to_string e in
  print_endline (attempt (fun () -> List.hd []));
  print_endline (attempt (fun () -> 1 / 0));
  print_endline (attempt (fun () -> String.sub "abc" 2 5));
  print_endline (attempt (fun () -> [| 1 |].(3)));
  print_endline (attempt (fun () -> List.assoc 3 [ (1, 2) ]));
  print_endline (attempt (fun () -> int_of_string "x1"));
  print_endline (attempt (fun () -> raise (Two (-1, "neg"))));
  print_endline (attempt (fun () -> Char.chr 256));
  print_endline (Printexc.to_string_default (With_int 8));
  Printf.printf "%s|%b\n" (Printexc.get_backtrace ()) (Printexc.backtrace_status ());
  Printexc.record_backtrace false;
  (* Printexc.print reports on stderr and re-raises *)
  (try Printexc.print (fun () -> raise Plain) () with Plain -> print_endline "re-raised Plain");
  Printf.printf "print passes the result: %d\n" (Printexc.print (fun x -> x + 1) 1)
