(* Peripheral register bit fields: a field description record, insert/extract with masks,
   a UART configuration encoded and decoded, printed in hex and binary *)
type field = { name : string; shift : int; width : int }

let mask f = ((1 lsl f.width) - 1) lsl f.shift
let get f reg = (reg land mask f) lsr f.shift
let set f v reg =
  if v < 0 || v >= 1 lsl f.width then invalid_arg (Printf.sprintf "%s: value %d does not fit %d bits" f.name v f.width);
  (reg land lnot (mask f)) lor (v lsl f.shift)

let enable = { name = "UE"; shift = 0; width = 1 }
let parity = { name = "PS"; shift = 1; width = 2 }
let stop = { name = "STOP"; shift = 3; width = 2 }
let word = { name = "M"; shift = 5; width = 2 }
let baud = { name = "BRR"; shift = 8; width = 16 }
let fields = [ enable; parity; stop; word; baud ]

let binary n bits = String.init bits (fun i -> if n land (1 lsl (bits - 1 - i)) <> 0 then '1' else '0')

let describe reg =
  List.iter (fun f -> Printf.printf "  %-4s = %d (mask %06x)\n" f.name (get f reg) (mask f)) fields

let () =
  let reg =
    0 |> set enable 1 |> set parity 2 |> set stop 1 |> set word 3 |> set baud (16_000_000 / 115_200)
  in
  Printf.printf "reg = 0x%08x = %s\n" reg (binary reg 24);
  describe reg;
  let reg2 = set baud 0xFFFF (set parity 0 reg) in
  Printf.printf "reg2 = 0x%X\n" reg2;
  describe reg2;
  (try ignore (set stop 4 reg) with Invalid_argument m -> print_endline m);
  let toggled = reg lxor mask enable in
  Printf.printf "%d %d\n" (get enable toggled) (get enable reg);
  let popcount n = let rec go n c = if n = 0 then c else go (n land (n - 1)) (c + 1) in go n 0 in
  Printf.printf "bits set: %d %d\n" (popcount reg) (popcount 0x3FFFFFFF);
  Printf.printf "%d %d %d\n" (0xF0 lsr 4) (-16 asr 2) ((-1) land 0xFF)
