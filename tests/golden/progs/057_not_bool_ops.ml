(* not and boolean expressions. *)
let () =
  List.iter (fun (a, b) ->
    Printf.printf "%b %b | not a=%b a&&b=%b a||b=%b not(a&&b)=%b (not a)||(not b)=%b a=b=%b\n"
      a b (not a) (a && b) (a || b) (not (a && b)) (not a || not b) (a = b))
    [(true, true); (true, false); (false, true); (false, false)];
  Printf.printf "%b\n" (not (not true));
  Printf.printf "%b\n" (not true = false);
  let xor a b = (a || b) && not (a && b) in
  Printf.printf "%b %b\n" (xor true false) (xor true true)
