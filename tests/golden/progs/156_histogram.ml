(* Letter frequency histogram using an int array indexed by char code. *)
let () =
  let text = "the quick brown fox jumps over the lazy dog and the cat sat on the mat" in
  let counts = Array.make 26 0 in
  for i = 0 to String.length text - 1 do
    let c = text.[i] in
    if c >= 'a' && c <= 'z' then counts.(Char.code c - 97) <- counts.(Char.code c - 97) + 1
  done;
  Array.iteri (fun i n -> if n > 0 then Printf.printf "%c %2d %s\n" (Char.chr (i + 97)) n (String.make n '*')) counts;
  let best = ref 0 in
  Array.iteri (fun i n -> if n > counts.(!best) then best := i) counts;
  Printf.printf "most common: %c\n" (Char.chr (!best + 97))
