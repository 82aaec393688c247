(* Matching on user-defined constructors. *)
type color = Red | Green | Blue | Rgb of int * int * int | Gray of int
let name c = match c with
  | Red -> "red"
  | Green -> "green"
  | Blue -> "blue"
  | Rgb (0, 0, 0) -> "black"
  | Rgb (r, g, b) when r = g && g = b -> "rgb-gray " ^ string_of_int r
  | Rgb (r, _, _) -> "rgb r=" ^ string_of_int r
  | Gray 0 -> "gray zero"
  | Gray n -> "gray " ^ string_of_int n
let to_int c = match c with
  | Red -> 0xff0000 | Green -> 0xff00 | Blue -> 0xff
  | Rgb (r, g, b) -> (r lsl 16) lor (g lsl 8) lor b
  | Gray n -> (n lsl 16) lor (n lsl 8) lor n
let () =
  List.iter (fun c -> Printf.printf "%s = %d\n" (name c) (to_int c))
    [Red; Green; Blue; Rgb (0, 0, 0); Rgb (5, 5, 5); Rgb (1, 2, 3); Gray 0; Gray 128]
