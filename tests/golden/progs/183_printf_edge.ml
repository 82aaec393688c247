(* Printf corner cases: long outputs, large widths, percent signs and escapes. *)
let () =
  Printf.printf "%30d|\n" 12345;
  Printf.printf "%-30d|\n" (-12345);
  Printf.printf "%08x|%-8x|%8x\n" 48879 48879 48879;
  Printf.printf "%s\n" (String.make 300 'x');
  Printf.printf "%d%%%s%%%c\n" 50 "-" '!';
  Printf.printf "a\tb\\c\"d\n";
  Printf.printf "%s|%5s|%-5s|\n" "" "" "";
  Printf.printf "%c%c%c\n" 'a' '\t' 'b';
  Printf.printf "%s\n" "100% sure";
  let long = Printf.sprintf "%s-%s" (String.make 200 'a') (String.make 200 'b') in
  Printf.printf "%d %c %c %c\n" (String.length long) long.[0] long.[200] long.[400];
  Printf.printf "%5d%5d%5d\n%-5d%-5d%-5d|\n" 1 22 333 1 22 333;
  Printf.printf "%b|%6b|%-6b|\n" false true false;
  Printf.printf "%i %i\n" (-0) 0x10;
  let n = ref 0 in
  for i = 1 to 200 do n := !n + String.length (Printf.sprintf "%d:%s;" i (String.make (i mod 7) '.')) done;
  Printf.printf "%d\n" !n
