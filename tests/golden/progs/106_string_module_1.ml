(* String.length get sub concat make. *)
let () =
  let s = "abcdefghij" in
  Printf.printf "%d %d\n" (String.length s) (String.length "");
  Printf.printf "%c %c %c\n" (String.get s 0) (String.get s 9) s.[4];
  print_endline (String.sub s 0 3);
  print_endline (String.sub s 7 3);
  print_endline ("[" ^ String.sub s 5 0 ^ "]");
  print_endline (String.sub s 0 10);
  print_endline (String.concat ", " ["x"; "y"; "z"]);
  print_endline (String.concat "" ["x"; "y"; "z"]);
  print_endline ("[" ^ String.concat "," [] ^ "]");
  print_endline (String.concat "-" ["solo"]);
  print_endline (String.make 3 'a' ^ String.make 0 'b' ^ String.make 2 'c');
  (try ignore (String.get s 10) with Invalid_argument m -> print_endline m);
  (try ignore (String.sub s 8 5) with Invalid_argument m -> print_endline m);
  let words = ["alpha"; "beta"; "gamma"] in
  let total = List.fold_left (fun acc w -> acc + String.length w) 0 words in
  Printf.printf "%d\n" total;
  let joined = String.concat "/" words in
  for i = 0 to String.length joined - 1 do
    if joined.[i] = '/' then Printf.printf "slash at %d\n" i
  done
