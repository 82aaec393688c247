(* && and || are short-circuit. *)
let trace name v = print_string (name ^ " "); v
let () =
  let r = trace "a" false && trace "b" true in
  Printf.printf "-> %b\n" r;
  let r = trace "a" true && trace "b" false in
  Printf.printf "-> %b\n" r;
  let r = trace "a" true || trace "b" false in
  Printf.printf "-> %b\n" r;
  let r = trace "a" false || trace "b" true in
  Printf.printf "-> %b\n" r;
  let r = trace "a" false || trace "b" false && trace "c" true in
  Printf.printf "-> %b\n" r;
  let r = trace "a" true || trace "b" true && trace "c" true in
  Printf.printf "-> %b\n" r;
  let l = [] in
  if l <> [] && List.hd l > 0 then print_endline "positive" else print_endline "safe";
  let d = 0 in
  if d = 0 || 10 / d > 1 then print_endline "no division" else print_endline "divided";
  let rec all_pos l = match l with [] -> true | x :: t -> x > 0 && all_pos t in
  Printf.printf "%b %b\n" (all_pos [1; 2; 3]) (all_pos [1; -2; 3])
