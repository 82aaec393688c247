(* Uncaught Invalid_argument from an out-of-bounds array access. *)
let () =
  let a = Array.init 5 (fun i -> i * 10) in
  for i = 0 to 5 do
    Printf.printf "a.(%d) = %d\n" i a.(i)
  done
