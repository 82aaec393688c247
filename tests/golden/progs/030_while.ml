(* while loops. *)
let () =
  let i = ref 0 in
  while !i < 5 do
    print_int !i; print_char ' ';
    i := !i + 1
  done;
  print_newline ();
  (* Collatz steps of 27 *)
  let n = ref 27 and steps = ref 0 and peak = ref 27 in
  while !n <> 1 do
    if !n mod 2 = 0 then n := !n / 2 else n := 3 * !n + 1;
    if !n > !peak then peak := !n;
    incr steps
  done;
  Printf.printf "steps=%d peak=%d\n" !steps !peak;
  let k = ref 100 in
  while false do k := 0 done;
  print_int !k; print_newline ();
  (* digits of a number *)
  let m = ref 9876543 and digits = ref [] in
  while !m > 0 do digits := (!m mod 10) :: !digits; m := !m / 10 done;
  List.iter (fun d -> print_int d; print_char ',') !digits; print_newline ()
