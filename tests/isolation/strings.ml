(* strings.ml - slice-buster: long string operations (concatenation, equality, hashing,
   copies) in a loop. *)
let () =
  let s = String.make 1_000_000 'a' in
  let n = ref 0 in
  let t0 = Sense.time_ms () and iters = ref 0 in
  while Sense.time_ms () - t0 < 400 do
    incr iters;
    let t = s ^ "b" in
    let u = String.sub t 1 999_999 in
    if u = s ^ "" then incr n;
    if Hashtbl.hash t = Hashtbl.hash s then incr n;
    if String.length (Bytes.to_string (Bytes.of_string u)) > 0 then incr n
  done;
  Printf.printf "iterations %d\n" !iters;
  Printf.printf "strings: %b\n" (!n > 0)
