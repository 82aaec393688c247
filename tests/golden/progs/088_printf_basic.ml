(* Printf.printf with each conversion. *)
let () =
  Printf.printf "int %d\n" 42;
  Printf.printf "neg %d\n" (-42);
  Printf.printf "i %i\n" 7;
  Printf.printf "string %s\n" "text";
  Printf.printf "char %c\n" 'q';
  Printf.printf "bool %b %b\n" true false;
  Printf.printf "hex %x %x %x\n" 255 16 0;
  Printf.printf "float %f\n" 3.14159;
  Printf.printf "percent %%\n";
  Printf.printf "no conversions\n";
  Printf.printf "%d%d%d\n" 1 2 3;
  Printf.printf "%s=%d, %s=%d\n" "a" 1 "b" 2;
  Printf.printf "%c%c%c\n" 'a' 'b' 'c';
  Printf.printf "mixed: %d %s %c %b %x %f %%\n" 10 "ten" 't' true 10 10.0;
  Printf.printf "";
  Printf.printf "%s" "no newline, then ";
  Printf.printf "newline\n"
