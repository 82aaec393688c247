(* exit called from inside an exception handler. *)
exception Stop of int
let () =
  try
    for i = 1 to 10 do
      Printf.printf "step %d\n" i;
      if i = 3 then raise (Stop i)
    done
  with Stop n ->
    Printf.printf "stopping with %d\n" (n + 1);
    exit (n + 1)
