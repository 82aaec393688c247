(* List.filter find find_opt exists for_all mem. *)
let show l = print_endline ("[" ^ String.concat "; " (List.map string_of_int l) ^ "]")
let () =
  let l = [4; 8; 15; 16; 23; 42] in
  show (List.filter (fun x -> x mod 2 = 0) l);
  show (List.filter (fun x -> x > 100) l);
  Printf.printf "%d\n" (List.find (fun x -> x > 10) l);
  (match List.find_opt (fun x -> x > 20) l with Some x -> Printf.printf "Some %d\n" x | None -> print_endline "None");
  (match List.find_opt (fun x -> x > 50) l with Some x -> Printf.printf "Some %d\n" x | None -> print_endline "None");
  Printf.printf "%b %b\n" (List.exists (fun x -> x = 15) l) (List.exists (fun x -> x < 0) l);
  Printf.printf "%b %b\n" (List.for_all (fun x -> x > 0) l) (List.for_all (fun x -> x mod 2 = 0) l);
  Printf.printf "%b %b\n" (List.exists (fun _ -> true) []) (List.for_all (fun _ -> false) []);
  Printf.printf "%b %b\n" (List.mem 23 l) (List.mem 24 l);
  Printf.printf "%b\n" (List.mem "b" ["a"; "b"]);
  Printf.printf "%b\n" (List.mem [1; 2] [[1]; [1; 2]]);
  Printf.printf "%b\n" (List.mem (Some 'x') [None; Some 'y'])
