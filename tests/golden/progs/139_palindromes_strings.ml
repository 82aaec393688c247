(* String algorithms: reverse, palindromes, word splitting, counting. *)
let rev s = let n = String.length s in String.concat "" (List.init n (fun i -> String.make 1 s.[n - 1 - i]))
let letters s =
  let l = String.lowercase_ascii s in
  let acc = ref [] in
  for i = String.length l - 1 downto 0 do
    if l.[i] >= 'a' && l.[i] <= 'z' then acc := String.make 1 l.[i] :: !acc
  done;
  String.concat "" !acc
let is_pal s = let t = letters s in t = rev t
let split_words s =
  let words = ref [] and start = ref 0 in
  for i = 0 to String.length s do
    if i = String.length s || s.[i] = ' ' then begin
      if i > !start then words := String.sub s !start (i - !start) :: !words;
      start := i + 1
    end
  done;
  List.rev !words
let () =
  print_endline (rev "hello world");
  List.iter (fun s -> Printf.printf "%s: %b\n" s (is_pal s))
    ["racecar"; "A man, a plan, a canal: Panama"; "hello"; ""; "Was it a car or a cat I saw"];
  let ws = split_words "  the quick  brown fox jumps over the lazy dog " in
  Printf.printf "%d words\n" (List.length ws);
  List.iter (fun w -> Printf.printf "[%s]" w) ws; print_newline ();
  let longest = List.fold_left (fun b w -> if String.length w > String.length b then w else b) "" ws in
  print_endline longest;
  let count c s = let n = ref 0 in for i = 0 to String.length s - 1 do if s.[i] = c then incr n done; !n in
  Printf.printf "%d\n" (count 'o' "the quick brown fox jumps over the lazy dog")
