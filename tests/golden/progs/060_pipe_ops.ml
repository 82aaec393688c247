(* |> and @@ operators. *)
let double x = x * 2
let inc x = x + 1
let () =
  print_int (3 |> double |> inc); print_newline ();
  print_int (double @@ inc @@ 3); print_newline ();
  [1; 2; 3; 4; 5]
  |> List.map (fun x -> x * x)
  |> List.filter (fun x -> x mod 2 = 1)
  |> List.iter (fun x -> print_int x; print_char ' ');
  print_newline ();
  print_endline @@ string_of_int @@ List.fold_left ( + ) 0 @@ List.init 10 (fun i -> i);
  let s = "abc" |> String.uppercase_ascii |> fun s -> s ^ s in
  print_endline s;
  print_int (1 + 2 |> double); print_newline ();
  ignore @@ (print_endline "ignored result"; 5)
