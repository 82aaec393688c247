(* Checksums an embedded developer writes: CRC-8 (poly 0x07), CRC-16/CCITT-FALSE, a
   table-driven CRC-16/ARC, Fletcher-16, Adler-like sums and a parity byte *)
let crc8 s =
  let crc = ref 0 in
  String.iter
    (fun c ->
      crc := !crc lxor Char.code c;
      for _ = 1 to 8 do
        if !crc land 0x80 <> 0 then crc := ((!crc lsl 1) lxor 0x07) land 0xff
        else crc := (!crc lsl 1) land 0xff
      done)
    s;
  !crc

let crc16_ccitt s =
  let crc = ref 0xffff in
  for i = 0 to String.length s - 1 do
    crc := !crc lxor (Char.code s.[i] lsl 8);
    for _ = 1 to 8 do
      crc := if !crc land 0x8000 <> 0 then ((!crc lsl 1) lxor 0x1021) land 0xffff else (!crc lsl 1) land 0xffff
    done
  done;
  !crc

let arc_table =
  Array.init 256 (fun n ->
      let c = ref n in
      for _ = 1 to 8 do
        c := if !c land 1 = 1 then (!c lsr 1) lxor 0xA001 else !c lsr 1
      done;
      !c)

let crc16_arc s =
  String.fold_left (fun crc ch -> (crc lsr 8) lxor arc_table.((crc lxor Char.code ch) land 0xff)) 0 s

let fletcher16 s =
  let a, b =
    String.fold_left (fun (a, b) c -> let a = (a + Char.code c) mod 255 in (a, (b + a) mod 255)) (0, 0) s
  in
  (b lsl 8) lor a

let parity s = String.fold_left (fun p c -> p lxor Char.code c) 0 s

let () =
  let inputs = [ ""; "a"; "123456789"; "Sense-VM"; String.make 64 '\xff'; "The quick brown fox" ] in
  List.iter
    (fun s ->
      Printf.printf "%-22S crc8=%02x ccitt=%04X arc=%04x fl16=%04x par=%02x\n" s (crc8 s)
        (crc16_ccitt s) (crc16_arc s) (fletcher16 s) (parity s))
    inputs;
  Printf.printf "table[1]=%04x table[128]=%04x table[255]=%04x\n" arc_table.(1) arc_table.(128) arc_table.(255);
  (* append the CRC and check it verifies *)
  let msg = "hello" in
  let c = crc16_ccitt msg in
  let framed = msg ^ String.make 1 (Char.chr (c lsr 8)) ^ String.make 1 (Char.chr (c land 0xff)) in
  Printf.printf "residue %04x\n" (crc16_ccitt framed)
