(* A binary protocol: frames built with Buffer.add_uint8/add_uint16_*, parsed with
   String/Bytes.get_*int*, a CRC-16, errors as result; Bytes text functions *)
let crc16 s =
  let crc = ref 0xffff in
  String.iter
    (fun c ->
       crc := !crc lxor Char.code c;
       for _ = 1 to 8 do
         if !crc land 1 = 1 then crc := (!crc lsr 1) lxor 0xa001 else crc := !crc lsr 1
       done)
    s;
  !crc

let frame kind payload =
  let b = Buffer.create 16 in
  Buffer.add_uint8 b 0x7e;
  Buffer.add_uint8 b kind;
  Buffer.add_uint16_be b (String.length payload);
  Buffer.add_string b payload;
  Buffer.add_uint16_le b (crc16 payload);
  Buffer.contents b

let parse s =
  if String.length s < 6 then Error "short frame"
  else if String.get_uint8 s 0 <> 0x7e then Error (Printf.sprintf "bad start %02x" (String.get_uint8 s 0))
  else
    let kind = String.get_uint8 s 1 in
    let len = String.get_uint16_be s 2 in
    if String.length s <> len + 6 then Error (Printf.sprintf "length %d does not match" len)
    else
      let payload = String.sub s 4 len in
      let crc = String.get_uint16_le s (4 + len) in
      if crc <> crc16 payload then Error (Printf.sprintf "crc %04x, expected %04x" crc (crc16 payload))
      else Ok (kind, payload)

let show r =
  match r with
  | Ok (k, p) -> Printf.printf "ok kind %d payload %S\n" k p
  | Error e -> Printf.printf "error: %s\n" e

let () =
  let f = frame 1 "hello" in
  String.iter (fun c -> Printf.printf "%02x " (Char.code c)) f;
  print_newline ();
  show (parse f);
  show (parse (frame 200 ""));
  show (parse "abc");
  let bad = Bytes.of_string f in
  Bytes.set_uint8 bad 5 (Char.code 'j');
  show (parse (Bytes.to_string bad));
  let bad = Bytes.of_string f in
  Bytes.set_uint8 bad 0 0x55;
  show (parse (Bytes.to_string bad));
  show (parse (String.sub f 0 (String.length f - 1)));
  (* signed and unsigned readers and writers *)
  let b = Bytes.make 8 '\000' in
  Bytes.set_int8 b 0 (-2);
  Bytes.set_uint8 b 1 300;
  Bytes.set_int16_le b 2 (-1234);
  Bytes.set_int16_be b 4 (-1234);
  Bytes.set_uint16_ne b 6 0xbeef;
  Printf.printf "int8 %d uint8 %d %d\n" (Bytes.get_int8 b 0) (Bytes.get_uint8 b 0) (Bytes.get_uint8 b 1);
  Printf.printf "int16 le %d be %d, uint16 le %d be %d\n" (Bytes.get_int16_le b 2) (Bytes.get_int16_be b 4)
    (Bytes.get_uint16_le b 2) (Bytes.get_uint16_be b 4);
  Printf.printf "swapped %d %d\n" (Bytes.get_int16_be b 2) (Bytes.get_int16_le b 4);
  Printf.printf "ne %b %d\n" (Bytes.get_uint16_ne b 6 = 0xbeef) (Bytes.get_int16_ne b 6);
  let s = Bytes.to_string b in
  Printf.printf "string readers %d %d %d %d %d\n" (String.get_int8 s 0) (String.get_uint16_le s 2) (String.get_int16_le s 2)
    (String.get_int16_be s 4) (String.get_int16_ne s 6);
  (try ignore (String.get_uint16_be s 7) with Invalid_argument m -> print_endline m);
  (try ignore (Bytes.get_uint8 b (-1)) with Invalid_argument m -> print_endline m);
  (try Bytes.set_uint16_le b 7 0 with Invalid_argument m -> print_endline m);
  let bb = Buffer.create 4 in
  Buffer.add_int8 bb (-1);
  Buffer.add_int16_le bb (-2);
  Buffer.add_int16_be bb 258;
  Buffer.add_uint16_ne bb 0x0102;
  Buffer.add_int16_ne bb (-3);
  String.iter (fun c -> Printf.printf "%d " (Char.code c)) (Buffer.contents bb);
  print_newline ();
  (* Bytes text functions *)
  let t = Bytes.of_string "  Hello, World  " in
  Printf.printf "[%s] [%s] [%s]\n" (Bytes.to_string (Bytes.trim t)) (Bytes.to_string (Bytes.uppercase_ascii t))
    (Bytes.to_string (Bytes.lowercase_ascii t));
  Printf.printf "[%s] [%s]\n" (Bytes.to_string (Bytes.capitalize_ascii (Bytes.of_string "abc")))
    (Bytes.to_string (Bytes.uncapitalize_ascii (Bytes.of_string "ABC")));
  List.iter (fun p -> Printf.printf "<%s>" (Bytes.to_string p)) (Bytes.split_on_char ',' (Bytes.of_string "a,,b,"));
  print_newline ();
  let h = Bytes.of_string "hello world" in
  Printf.printf "rindex %d rindex_opt %b index_from %d index_from_opt %b rindex_from %d rindex_from_opt %b\n"
    (Bytes.rindex h 'o') (Bytes.rindex_opt h 'z' = None) (Bytes.index_from h 5 'o') (Bytes.index_from_opt h 8 'o' = None)
    (Bytes.rindex_from h 6 'o') (Bytes.rindex_from_opt h 3 'o' = None);
  Printf.printf "contains_from %b %b rcontains_from %b %b\n" (Bytes.contains_from h 5 'w') (Bytes.contains_from h 7 'w')
    (Bytes.rcontains_from h 3 'h') (Bytes.rcontains_from h 3 'w');
  Printf.printf "starts_with %b %b ends_with %b %b\n" (Bytes.starts_with ~prefix:(Bytes.of_string "hell") h)
    (Bytes.starts_with ~prefix:(Bytes.of_string "world") h) (Bytes.ends_with ~suffix:(Bytes.of_string "world") h)
    (Bytes.ends_with ~suffix:(Bytes.of_string "hello") h);
  (try ignore (Bytes.rindex h 'z') with Not_found -> print_endline "rindex: Not_found");
  (try ignore (Bytes.index_from h 20 'a') with Invalid_argument m -> print_endline m)
