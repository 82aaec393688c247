let show f = try ignore (f ()) with
  | Failure m -> Printf.printf "Failure [%s]\n" m
  | Invalid_argument m -> Printf.printf "Invalid_argument [%s]\n" m
  | Not_found -> print_endline "Not_found"
let () =
  show (fun () -> List.nth [1] 3);
  show (fun () -> List.nth [1] (-1));
  show (fun () -> List.hd []);
  show (fun () -> List.tl []);
  show (fun () -> String.sub "abc" 1 5);
  show (fun () -> Array.make (-1) 0);
  show (fun () -> Char.chr 256);
  show (fun () -> List.assoc 3 [1, 2]);
  show (fun () -> List.find (fun x -> x > 5) [1]);
  show (fun () -> List.combine [1] []);
  show (fun () -> Array.init (-1) (fun i -> i));
  show (fun () -> Option.get None);
  show (fun () -> int_of_string "x");
  show (fun () -> [|1|].(2));
  show (fun () -> "abc".[5]);
  show (fun () -> Array.blit [|1|] 0 [|2|] 0 5);
  show (fun () -> failwith "custom")
