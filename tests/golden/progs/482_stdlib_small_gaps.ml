(* small stdlib additions: Bytes.escaped and unsafe_*, Filename.chop_suffix_opt,
   Float.min_max_num/is_infinite, Hashtbl.randomize/is_randomized, Lazy's old names *)
let () =
  let b = Bytes.of_string "a\tb\"c'\\\001\255\r" in
  print_endline (Bytes.to_string (Bytes.escaped b));
  Bytes.unsafe_set b 0 'Z';
  Printf.printf "%c\n" (Bytes.unsafe_get b 0);
  let d = Bytes.make 5 '.' in
  Bytes.unsafe_blit b 0 d 1 2; Bytes.unsafe_blit_string "xy" 0 d 3 2; Bytes.unsafe_fill d 0 1 '#';
  print_endline (Bytes.to_string d);
  (match Filename.chop_suffix_opt ~suffix:".ml" "main.ml" with Some s -> print_endline s | None -> ());
  (match Filename.chop_suffix_opt ~suffix:".c" "main.ml" with Some s -> print_endline s | None -> print_endline "none");
  let a, b = Float.min_max_num nan 2. in Printf.printf "%g %g\n" a b;
  let a, b = Float.min_max_num 3. (-1.) in Printf.printf "%g %g\n" a b;
  Printf.printf "%b %b %b\n" (Float.is_infinite infinity) (Float.is_infinite neg_infinity) (Float.is_infinite nan);
  Hashtbl.randomize (); Printf.printf "%b\n" (Hashtbl.is_randomized ());
  Printf.printf "%d %b\n" (Lazy.force (Lazy.lazy_from_val 3)) (Lazy.lazy_is_val (Lazy.lazy_from_fun (fun () -> 1)))
