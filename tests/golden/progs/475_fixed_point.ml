(* Fixed-point arithmetic for a microcontroller without an FPU: Q16.16 would overflow
   31-bit ints in multiplication, so this uses Q8.8 with 31-bit intermediates, a lookup
   sine table, and a comparison with floats *)
module Q8 = struct
  type t = int
  let frac_bits = 8
  let one = 1 lsl frac_bits
  let of_int n = n lsl frac_bits
  let of_float f = int_of_float (Float.round (f *. float_of_int one))
  let to_float q = float_of_int q /. float_of_int one
  let add = ( + )
  let sub = ( - )
  let mul a b = (a * b) asr frac_bits
  let div a b = (a lsl frac_bits) / b
  let to_string q =
    let sign = if q < 0 then "-" else "" in
    let q = abs q in
    Printf.sprintf "%s%d.%03d" sign (q lsr frac_bits) ((q land (one - 1)) * 1000 / one)
end

(* quarter-wave sine table, 64 entries, Q8.8 *)
let table = Array.init 65 (fun i -> Q8.of_float (sin (float_of_int i *. Float.pi /. 128.)))

let fsin deg256 =
  let a = deg256 land 255 in
  let quadrant = a / 64 and i = a mod 64 in
  match quadrant with
  | 0 -> table.(i)
  | 1 -> table.(64 - i)
  | 2 -> - table.(i)
  | _ -> - table.(64 - i)

let () =
  let a = Q8.of_float 3.25 and b = Q8.of_float (-1.5) in
  List.iter
    (fun (name, q) -> Printf.printf "%-4s %10s %8.4f\n" name (Q8.to_string q) (Q8.to_float q))
    [ ("a", a); ("b", b); ("a+b", Q8.add a b); ("a-b", Q8.sub a b); ("a*b", Q8.mul a b); ("a/b", Q8.div a b);
      ("1/3", Q8.div Q8.one (Q8.of_int 3)) ];
  for k = 0 to 8 do
    let x = k * 32 in
    let q = fsin x in
    let f = sin (float_of_int x *. Float.pi /. 128.) in
    Printf.printf "sin(%3d/256 turn) q=%4d %s err=%.4f\n" x q (Q8.to_string q) (Float.abs (Q8.to_float q -. f))
  done;
  (* exponential moving average in fixed point: y += (x - y) / 8 *)
  let y = ref 0 in
  List.iter (fun x -> y := !y + ((Q8.of_int x - !y) asr 3); Printf.printf "%s " (Q8.to_string !y)) [ 10; 10; 10; 10; 0; 0; 20 ];
  print_newline ()
