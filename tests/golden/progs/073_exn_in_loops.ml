(* Exceptions used for early exit from loops. *)
exception Break of int
exception Continue
let first_square_over limit =
  try
    for i = 1 to 1000 do if i * i > limit then raise (Break i) done;
    -1
  with Break i -> i
let () =
  List.iter (fun l -> Printf.printf "%d -> %d\n" l (first_square_over l)) [10; 100; 999; 2000000];
  let i = ref 0 and acc = ref [] in
  (try
     while true do
       incr i;
       (try
          if !i mod 2 = 0 then raise Continue;
          if !i > 15 then raise (Break !i);
          acc := !i :: !acc
        with Continue -> ())
     done
   with Break n -> Printf.printf "broke at %d\n" n);
  List.iter (fun x -> Printf.printf "%d " x) (List.rev !acc);
  print_newline ();
  let a = [| 3; 1; 4; 1; 5; 9; 2; 6 |] in
  let pos = try Array.iteri (fun i x -> if x = 9 then raise (Break i)) a; -1 with Break i -> i in
  Printf.printf "9 at %d\n" pos
