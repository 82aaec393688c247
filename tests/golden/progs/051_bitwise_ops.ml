(* Bitwise operators (results kept within 31-bit range). *)
let () =
  Printf.printf "%d %d %d\n" (12 land 10) (12 lor 10) (12 lxor 10);
  Printf.printf "%d %d %d\n" (0xff land 0x0f) (0xf0 lor 0x0f) (0xff lxor 0xaa);
  Printf.printf "%d %d %d\n" (1 lsl 0) (1 lsl 10) (3 lsl 20);
  Printf.printf "%d %d %d\n" (1024 lsr 3) (0x3fffffff lsr 15) (5 lsr 1);
  Printf.printf "%d %d %d\n" (1024 asr 3) (-1024 asr 3) (-1 asr 5);
  Printf.printf "%d %d\n" (-7 asr 1) (-8 asr 2);
  Printf.printf "%d %d\n" (-1 land 0xff) (-256 land 0xfff);
  Printf.printf "%d %d\n" (-16 lor 3) (-1 lxor 5);
  Printf.printf "%d\n" (1 lsl 4 lor 1 lsl 2);
  Printf.printf "%d\n" (0xf0 land 0x3c lor 0x1);
  Printf.printf "%d\n" (1 + 2 lsl 3);
  Printf.printf "%d\n" (16 lsr 2 + 1);
  let popcount n = let c = ref 0 and x = ref n in while !x <> 0 do c := !c + (!x land 1); x := !x lsr 1 done; !c in
  List.iter (fun n -> Printf.printf "popcount %d = %d\n" n (popcount n)) [0; 1; 255; 1023; 0x2aaaaaaa; 0x3fffffff];
  let rec bits n = if n = 0 then "" else bits (n lsr 1) ^ (if n land 1 = 1 then "1" else "0") in
  List.iter (fun n -> print_endline (bits n)) [5; 10; 255; 4096]
