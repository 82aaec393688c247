(* A raise and a call whose source text spans two lines: OCaml reports the end character
   from the start of the first line (line 3, characters 24-49). *)
let f x = if x > 1 then raise (Failure
  "multi") else x
let g y =
  f (y
     + 1) + 1
let () = print_int (g 3)
