(* The result type and the Result module; lnot *)
let show r = match r with Ok v -> "Ok " ^ string_of_int v | Error e -> "Error " ^ e
let parse s = match int_of_string_opt s with Some n -> Ok n | None -> Error ("bad " ^ s)
let half n = if n mod 2 = 0 then Ok (n / 2) else Error "odd"

let () =
  List.iter (fun s -> print_endline (show (parse s))) [ "12"; "x"; "-4" ];
  print_endline (show (Result.ok 5));
  print_endline (show (Result.error "e"));
  Printf.printf "value %d %d\n" (Result.value (Ok 1) ~default:0) (Result.value (Error "x") ~default:0);
  Printf.printf "get_ok %d\n" (Result.get_ok (Ok 7));
  Printf.printf "get_error %s\n" (Result.get_error (Error "boom"));
  (try ignore (Result.get_ok (Error "x")) with Invalid_argument m -> print_endline ("Invalid_argument " ^ m));
  (try ignore (Result.get_error (Ok 1)) with Invalid_argument m -> print_endline ("Invalid_argument " ^ m));
  print_endline (show (Result.bind (parse "40") half));
  print_endline (show (Result.bind (parse "41") half));
  print_endline (show (Result.bind (parse "z") half));
  print_endline (show (Result.join (Ok (Ok 3))));
  print_endline (show (Result.join (Ok (Error "inner"))));
  print_endline (show (Result.join (Error "outer")));
  print_endline (show (Result.map (fun x -> x * 10) (Ok 4)));
  print_endline (show (Result.map (fun x -> x * 10) (Error "m")));
  print_endline (show (Result.map_error String.uppercase_ascii (Error "up")));
  print_endline (show (Result.map_error String.uppercase_ascii (Ok 2)));
  print_endline (Result.fold ~ok:string_of_int ~error:(fun e -> "E:" ^ e) (Ok 9));
  print_endline (Result.fold ~ok:string_of_int ~error:(fun e -> "E:" ^ e) (Error "f"));
  Result.iter (fun v -> Printf.printf "iter %d\n" v) (Ok 1);
  Result.iter (fun v -> Printf.printf "iter %d\n" v) (Error "no");
  Result.iter_error (fun e -> Printf.printf "iter_error %s\n" e) (Error "yes");
  Result.iter_error (fun e -> Printf.printf "iter_error %s\n" e) (Ok 0);
  Printf.printf "is_ok %b %b is_error %b %b\n" (Result.is_ok (Ok 1)) (Result.is_ok (Error 1))
    (Result.is_error (Ok 1)) (Result.is_error (Error 1));
  let eq a b = Result.equal ~ok:( = ) ~error:String.equal a b in
  Printf.printf "equal %b %b %b %b\n" (eq (Ok 1) (Ok 1)) (eq (Ok 1) (Ok 2)) (eq (Error "a") (Error "a"))
    (eq (Ok 1) (Error "a"));
  let cmp a b = Result.compare ~ok:compare ~error:String.compare a b in
  Printf.printf "compare %d %d %d %d %d\n" (cmp (Ok 1) (Ok 2)) (cmp (Ok 3) (Ok 3)) (cmp (Ok 1) (Error "a"))
    (cmp (Error "a") (Ok 1)) (cmp (Error "b") (Error "a"));
  (match Result.to_option (Ok 5) with Some v -> Printf.printf "to_option Some %d\n" v | None -> ());
  (match Result.to_option (Error "x") with Some _ -> () | None -> print_endline "to_option None");
  Printf.printf "to_list %d %d\n" (List.length (Result.to_list (Ok 1))) (List.length (Result.to_list (Error 1)));
  Seq.iter (fun v -> Printf.printf "to_seq %d\n" v) (Result.to_seq (Ok 11));
  Seq.iter (fun v -> Printf.printf "to_seq %d\n" v) (Result.to_seq (Error 12));
  (* results in data structures, compared structurally *)
  let l = [ Ok 3; Error "b"; Ok 1; Error "a" ] in
  List.iter (fun r -> print_endline (show r)) (List.sort compare l);
  let partition =
    List.fold_right (fun r (oks, errs) -> match r with Ok v -> (v :: oks, errs) | Error e -> (oks, e :: errs)) l ([], [])
  in
  Printf.printf "%d oks, %d errors\n" (List.length (fst partition)) (List.length (snd partition));
  Printf.printf "lnot %d %d %d %b\n" (lnot 0) (lnot 5) (lnot (-1)) (lnot max_int = min_int);
  Printf.printf "lnot min_int = max_int: %b\n" (lnot min_int = max_int);
  List.iter (fun x -> Printf.printf "%d " (lnot x land 0xff)) [ 0; 1; 0x0f; 0xf0 ];
  print_newline ()
