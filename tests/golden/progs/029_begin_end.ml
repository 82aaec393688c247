(* begin ... end blocks. *)
let log = ref []
let note s = log := s :: !log
let () =
  for i = 1 to 4 do
    if i mod 2 = 0 then begin
      note ("even " ^ string_of_int i);
      print_endline "even branch"
    end else begin
      note ("odd " ^ string_of_int i);
      print_endline "odd branch"
    end
  done;
  List.iter print_endline (List.rev !log);
  let x = begin 1 + 2 end * 3 in
  print_int x; print_newline ();
  begin match x with
  | 9 -> print_endline "nine"
  | _ -> print_endline "other"
  end;
  print_endline "after match";
  let y = begin let z = 5 in z * z end in
  print_int y; print_newline ()
