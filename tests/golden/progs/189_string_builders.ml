(* Building strings in loops: repeated ^, String.concat, String.sub windows. *)
let () =
  let acc = ref "" in
  for i = 1 to 300 do acc := !acc ^ (if i mod 10 = 0 then "\n" else string_of_int (i mod 10)) done;
  print_string !acc;
  print_newline ();
  let s = String.concat "" (List.init 26 (fun i -> String.make 1 (Char.chr (97 + i)))) in
  for w = 1 to 5 do
    let parts = List.init (26 / w) (fun k -> String.sub s (k * w) w) in
    print_endline (String.concat "." parts)
  done;
  let rec repeat s n = if n = 0 then "" else s ^ repeat s (n - 1) in
  let big = repeat "abc" 1000 in
  Printf.printf "%d %s %s\n" (String.length big) (String.sub big 0 6) (String.sub big 2994 6);
  Printf.printf "%b\n" (String.equal big (String.concat "" (List.init 1000 (fun _ -> "abc"))))
