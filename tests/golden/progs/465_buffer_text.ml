(* Buffer for building text: a table renderer, a hex dump, truncate/sub/nth, add_buffer *)
let hex_dump s =
  let b = Buffer.create 128 in
  let n = String.length s in
  let rec line ofs =
    if ofs < n then begin
      Buffer.add_string b (Printf.sprintf "%04x: " ofs);
      for i = ofs to ofs + 7 do
        if i < n then Buffer.add_string b (Printf.sprintf "%02x " (Char.code s.[i])) else Buffer.add_string b "   "
      done;
      Buffer.add_char b '|';
      for i = ofs to min (n - 1) (ofs + 7) do
        let c = s.[i] in
        Buffer.add_char b (if c >= ' ' && c <= '~' then c else '.')
      done;
      Buffer.add_string b "|\n";
      line (ofs + 8)
    end
  in
  line 0;
  Buffer.contents b

let table header rows =
  let cols = List.length header in
  let width i = List.fold_left (fun w r -> max w (String.length (List.nth r i))) 0 (header :: rows) in
  let widths = List.init cols width in
  let b = Buffer.create 256 in
  let sep () =
    List.iter (fun w -> Buffer.add_char b '+'; Buffer.add_string b (String.make (w + 2) '-')) widths;
    Buffer.add_string b "+\n"
  in
  let row r =
    List.iteri (fun i cell -> let w = List.nth widths i in
        Buffer.add_string b ("| " ^ cell ^ String.make (w - String.length cell + 1) ' ')) r;
    Buffer.add_string b "|\n"
  in
  sep (); row header; sep (); List.iter row rows; sep ();
  Buffer.contents b

let () =
  print_string (hex_dump "Sense-VM\x00\x01\x02\xffhello, world\n");
  print_string
    (table [ "sensor"; "value"; "unit" ] [ [ "t1"; "21.5"; "C" ]; [ "humidity"; "40"; "%" ]; [ "p"; "1013.25"; "hPa" ] ]);
  let b = Buffer.create 4 in
  Buffer.add_string b "hello world";
  Printf.printf "%d %c %s\n" (Buffer.length b) (Buffer.nth b 4) (Buffer.sub b 6 5);
  Buffer.truncate b 5;
  Buffer.add_char b '!';
  let c = Buffer.create 8 in
  Buffer.add_string c "<<";
  Buffer.add_buffer c b;
  Buffer.add_substring c ">>>>" 0 2;
  Buffer.add_bytes c (Bytes.of_string "#");
  print_endline (Buffer.contents c);
  Buffer.clear b;
  Printf.printf "%d [%s]\n" (Buffer.length b) (Buffer.contents b);
  Buffer.add_uint8 b 65;
  Buffer.add_uint16_be b 0x4243;
  Buffer.add_uint16_le b 0x4544;
  print_endline (Buffer.contents b);
  Buffer.reset c;
  String.iter (fun ch -> if ch <> ' ' then Buffer.add_char c ch) "a b c d";
  print_endline (Buffer.contents c)
