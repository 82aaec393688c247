(* GC stress: many string allocations. *)
let () =
  let s = ref "" in
  for i = 1 to 500 do
    s := string_of_int (i mod 10) ^ !s;
    if String.length !s > 50 then s := String.sub !s 0 25
  done;
  print_endline !s;
  let parts = List.init 300 (fun i -> Printf.sprintf "<%d>" i) in
  let joined = String.concat "" parts in
  Printf.printf "%d\n" (String.length joined);
  let count = ref 0 in
  for i = 0 to 2000 do
    let t = String.make (i mod 50) 'x' ^ string_of_int i in
    if String.contains t '7' then incr count
  done;
  Printf.printf "%d\n" !count;
  let words = List.init 200 (fun i -> String.uppercase_ascii (Printf.sprintf "w%dx" i)) in
  print_endline (List.nth words 199)
