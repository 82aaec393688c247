(* Run-length encoding and decoding of lists and strings. *)
let encode l =
  let rec go l cur n acc = match l with
    | [] -> List.rev (match cur with None -> acc | Some c -> (n, c) :: acc)
    | x :: t -> (match cur with
                 | Some c when c = x -> go t cur (n + 1) acc
                 | Some c -> go t (Some x) 1 ((n, c) :: acc)
                 | None -> go t (Some x) 1 acc) in
  go l None 0 []
let rec decode l = match l with [] -> [] | (n, c) :: t -> List.init n (fun _ -> c) @ decode t
let chars s = List.init (String.length s) (fun i -> s.[i])
let () =
  let s = "aaabccddddde" in
  let e = encode (chars s) in
  List.iter (fun (n, c) -> Printf.printf "%d%c" n c) e;
  print_newline ();
  let d = decode e in
  print_endline (String.concat "" (List.map (String.make 1) d));
  let ints = [1; 1; 1; 2; 3; 3; 1; 1] in
  List.iter (fun (n, x) -> Printf.printf "(%d x %d) " n x) (encode ints);
  print_newline ();
  Printf.printf "%b %b\n" (decode (encode ints) = ints) (encode [] = ([] : (int * int) list))
