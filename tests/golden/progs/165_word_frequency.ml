(* Word frequencies with association lists, sorted by count then word. *)
let split s =
  let words = ref [] and cur = ref [] in
  let flush () = if !cur <> [] then (words := String.concat "" (List.rev !cur) :: !words; cur := []) in
  for i = 0 to String.length s - 1 do
    let c = s.[i] in
    if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') then cur := String.make 1 c :: !cur else flush ()
  done;
  flush ();
  List.rev !words
let count words =
  List.fold_left (fun acc w ->
    let w = String.lowercase_ascii w in
    match List.assoc_opt w acc with
    | Some n -> (w, n + 1) :: List.filter (fun (k, _) -> k <> w) acc
    | None -> (w, 1) :: acc) [] words
let () =
  let text = "The cat and the hat. The cat sat; a hat sat on the mat, and that was that!" in
  let freq = count (split text) in
  let sorted = List.sort (fun (w1, c1) (w2, c2) -> if c1 <> c2 then compare c2 c1 else compare w1 w2) freq in
  List.iter (fun (w, c) -> Printf.printf "%-5s %d\n" w c) sorted;
  Printf.printf "%d distinct, %d total\n" (List.length freq) (List.length (split text))
