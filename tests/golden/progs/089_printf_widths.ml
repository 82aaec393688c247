(* Printf widths, left-justification and zero padding. *)
let () =
  Printf.printf "[%5d]\n" 42;
  Printf.printf "[%-5d]\n" 42;
  Printf.printf "[%05d]\n" 42;
  Printf.printf "[%5d]\n" (-42);
  Printf.printf "[%05d]\n" (-42);
  Printf.printf "[%2d]\n" 12345;
  Printf.printf "[%8s]\n" "right";
  Printf.printf "[%-8s]\n" "left";
  Printf.printf "[%3s]\n" "toolong";
  Printf.printf "[%6b]\n" true;
  Printf.printf "[%-6b]\n" false;
  Printf.printf "[%6x]\n" 255;
  Printf.printf "[%06x]\n" 255;
  Printf.printf "[%-6x]\n" 255;
  Printf.printf "[%12f]\n" 3.5;
  Printf.printf "[%-12f]\n" 3.5;
  Printf.printf "[%i|%4i]\n" 1 2;
  for i = 0 to 4 do
    Printf.printf "%3d | %-10s | %5x\n" (i * 7) (String.make i '#') (i * 1000)
  done
