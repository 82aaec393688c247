(* Sys constants: the values differ between Sense (31-bit ints on 32-bit words, see
   docs/language.md) and OCaml on a 64-bit host, so this prints their relations *)
let () =
  Printf.printf "max_int fits int_size: %b\n" (max_int = (1 lsl (Sys.int_size - 1)) - 1);
  Printf.printf "min_int fits int_size: %b\n" (min_int = - (1 lsl (Sys.int_size - 1)));
  Printf.printf "int_size = word_size - 1: %b\n" (Sys.int_size = Sys.word_size - 1);
  Printf.printf "word_size is 32 or 64: %b\n" (Sys.word_size = 32 || Sys.word_size = 64);
  Printf.printf "big_endian: %b\n" Sys.big_endian;
  Printf.printf "max_array_length >= 2^20 - 1: %b\n" (Sys.max_array_length >= 1048575);
  Printf.printf "max_string_length >= 2^22 - 8: %b\n" (Sys.max_string_length >= 4194296);
  Printf.printf "os_type is a name: %b\n" (String.length Sys.os_type > 0);
  Printf.printf "at most one of unix win32 cygwin: %b\n"
    (List.length (List.filter (fun b -> b) [ Sys.unix; Sys.win32; Sys.cygwin ]) <= 1);
  Printf.printf "interactive: %b\n" !Sys.interactive;
  Printf.printf "opaque_identity: %d\n" (Sys.opaque_identity 42);
  Printf.printf "getenv_opt: %b\n" (Sys.getenv_opt "SENSE_SURELY_UNSET_VARIABLE" = None);
  (try print_endline (Sys.getenv "SENSE_SURELY_UNSET_VARIABLE") with Not_found -> print_endline "getenv: Not_found");
  let t0 = Sys.time () in
  let t1 = Sys.time () in
  Printf.printf "time is monotonic: %b\n" (t1 >= t0 && t0 >= 0.);
  (* a bit set sized by int_size, as portable programs write it *)
  let bits = Sys.int_size - 1 in
  let set = ref 0 in
  List.iter (fun i -> set := !set lor (1 lsl (i mod bits))) [ 0; 3; 29; 3 ];
  Printf.printf "popcount %d\n" (let rec pc n = if n = 0 then 0 else (n land 1) + pc (n lsr 1) in pc !set)
