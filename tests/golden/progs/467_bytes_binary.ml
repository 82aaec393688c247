(* Bytes as a packet buffer: encode a sensor record little-endian, decode it back, in-place
   mutation, blit, fill, and bit-banging on a byte *)
type record = { id : int; temp_c10 : int; flags : int; name : string }

let encode r =
  let n = String.length r.name in
  let b = Bytes.make (6 + n) '\000' in
  Bytes.set_uint16_le b 0 r.id;
  Bytes.set_int16_le b 2 r.temp_c10;
  Bytes.set_uint8 b 4 r.flags;
  Bytes.set_uint8 b 5 n;
  Bytes.blit_string r.name 0 b 6 n;
  b

let decode b =
  let n = Bytes.get_uint8 b 5 in
  { id = Bytes.get_uint16_le b 0; temp_c10 = Bytes.get_int16_le b 2; flags = Bytes.get_uint8 b 4;
    name = Bytes.sub_string b 6 n }

let hex b = String.concat " " (List.init (Bytes.length b) (fun i -> Printf.sprintf "%02x" (Bytes.get_uint8 b i)))

let set_bit b i v =
  let byte = Bytes.get_uint8 b (i / 8) in
  let mask = 1 lsl (i mod 8) in
  Bytes.set_uint8 b (i / 8) (if v then byte lor mask else byte land lnot mask)

let get_bit b i = Bytes.get_uint8 b (i / 8) land (1 lsl (i mod 8)) <> 0

let () =
  let r = { id = 513; temp_c10 = -125; flags = 0b1010_0001; name = "boiler" } in
  let b = encode r in
  print_endline (hex b);
  let r' = decode b in
  Printf.printf "%d %d %x %s %b\n" r'.id r'.temp_c10 r'.flags r'.name (r = r');
  Bytes.set_int16_be b 2 300;
  Printf.printf "be %d le %d\n" (Bytes.get_int16_be b 2) (Bytes.get_int16_le b 2);
  let bits = Bytes.make 4 '\000' in
  List.iter (fun i -> set_bit bits i true) [ 0; 3; 9; 31; 17 ];
  set_bit bits 3 false;
  print_endline (hex bits);
  Printf.printf "%s\n" (String.concat "" (List.init 32 (fun i -> if get_bit bits i then "1" else "0")));
  let frame = Bytes.of_string "[..........]" in
  Bytes.fill frame 1 10 '-';
  Bytes.blit_string "OK" 0 frame 5 2;
  print_endline (Bytes.to_string frame);
  let up = Bytes.map Char.uppercase_ascii (Bytes.of_string "mixed Case") in
  print_endline (Bytes.to_string up);
  let c = Bytes.copy up in
  Bytes.set c 0 'm';
  Printf.printf "%s %s %b\n" (Bytes.to_string up) (Bytes.to_string c) (Bytes.equal up c);
  Printf.printf "%d\n" (Bytes.fold_left (fun acc ch -> acc + Char.code ch) 0 (Bytes.of_string "abc"));
  let ext = Bytes.extend (Bytes.of_string "abc") 1 2 in
  Printf.printf "%d %S\n" (Bytes.length ext) (Bytes.sub_string ext 1 3);
  (try Bytes.set_uint16_le b 100 0 with Invalid_argument m -> print_endline m)
