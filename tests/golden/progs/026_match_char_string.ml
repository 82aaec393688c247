(* Matching chars inside string processing. *)
let count_kinds s =
  let d = ref 0 and l = ref 0 and o = ref 0 in
  for i = 0 to String.length s - 1 do
    match s.[i] with
    | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' -> incr d
    | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm'
    | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z' -> incr l
    | _ -> incr o
  done;
  (!d, !l, !o)
let () =
  List.iter (fun s ->
    let (d, l, o) = count_kinds s in
    Printf.printf "\"%s\": digits=%d letters=%d other=%d\n" s d l o)
    ["abc123"; "Hello, World 42!"; ""; "x"]
