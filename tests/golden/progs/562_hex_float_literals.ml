(* hexadecimal float literals: 0x<hex>[.<hex>][p<exp>], underscores anywhere after 0x *)
let show x = Printf.printf "%g %.17g\n" x x

let () =
  show 0x1p0;
  show 0x1.8p1;
  show 0x1Ap3;
  show 0xA.8;
  show 0x1p-3;
  show 0x1.fffffffffffffp1023;
  show 0x1p-1074;
  show 0x1_0.0_1p+1_0;
  show (-0x1.4p2);
  print_float 0x1p2000;
  print_newline ();
  print_float 0x1p-2000;
  print_newline ();
  (* still integers: no point, no exponent *)
  print_int (0x1A + 0xff);
  print_newline ();
  Printf.printf "%b\n" (0x1.8p1 = 3.0)
