[@@@warning "-32-27"]
(* Attributes as they appear in real code: inlining hints, deprecation, warning control,
   on let-bindings, expressions, types and modules; all are ignored by the semantics *)
type reg = { addr : int; value : int } [@@deriving_not_really]

let[@inline] square x = x * x
let[@inline never] slow_add a b = a + b
let old_api x = x + 1 [@@deprecated "use new_api"]
let new_api x = x + 1
let unused_helper () = 42

module Hw = struct
  let[@inline always] mask_bits ~bits v = v land ((1 lsl bits) - 1)
  let write r = Printf.printf "write 0x%04x <- 0x%02x\n" r.addr r.value [@@ocaml.warning "-8"]
end [@@some.module.attribute]

let checked_div a b = (if b = 0 then 0 else a / b) [@ocaml.warning "-8"]

let sum l = (List.fold_left [@inlined]) ( + ) 0 l

let () =
  Printf.printf "%d %d %d\n" (square 12) (slow_add 2 3) (new_api 4);
  Hw.write { addr = 0x4000; value = Hw.mask_bits ~bits:4 0xAB };
  Printf.printf "%d %d\n" (checked_div 7 2) (checked_div 1 0);
  Printf.printf "%d\n" (sum [ 1; 2; 3 ] [@attr]);
  let x = (5 [@note "five"]) in
  match x with
  | 5 [@attr] -> print_endline "five"
  | _ -> print_endline "other"
