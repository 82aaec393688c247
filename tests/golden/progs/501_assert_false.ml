(* `assert false` has any type (it never returns); `assert e` stays unit. *)
let name = function 0 -> "zero" | 1 -> "one" | 2 -> "two" | _ -> assert false
let first = function x :: _ -> x | [] -> assert false
let safe_div a b = if b = 0 then assert false else a / b

let () =
  print_endline (name 2);
  print_int (first [ 7; 8 ]);
  print_newline ();
  print_int (safe_div 9 3);
  print_newline ();
  assert (name 0 = "zero");
  (match name 5 with
   | _ -> print_endline "unreachable"
   | exception Assert_failure (_, line, col) -> Printf.printf "Assert_failure at %d:%d\n" line col);
  (try ignore (first [] + 1) with Assert_failure (_, line, _) -> Printf.printf "again at %d\n" line);
  let f : int -> string = fun _ -> assert false in
  match f 1 with s -> print_endline s | exception Assert_failure _ -> print_endline "f failed"
