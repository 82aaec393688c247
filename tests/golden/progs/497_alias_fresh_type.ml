(* B5 (tests/golden/known/BUGS.md): Error _ as e -> e must give e a fresh Ok type *)
let bind r f = match r with Ok x -> f x | Error _ as e -> e
let () =
  match bind (Ok 1) (fun x -> Ok (string_of_int (x + 1))) with
  | Ok s -> print_endline s
  | Error () -> print_endline "error"
