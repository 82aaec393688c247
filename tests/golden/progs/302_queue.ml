(* Queue: OCaml's full interface, Queue.Empty *)
let show q =
  print_string "[";
  Queue.iter (fun x -> Printf.printf " %d" x) q;
  Printf.printf " ] length %d\n" (Queue.length q)

let () =
  let q = Queue.create () in
  Printf.printf "is_empty %b\n" (Queue.is_empty q);
  (try ignore (Queue.pop q) with Queue.Empty -> print_endline "pop: Empty");
  (try ignore (Queue.take q) with Queue.Empty -> print_endline "take: Empty");
  (try ignore (Queue.peek q) with Queue.Empty -> print_endline "peek: Empty");
  (try ignore (Queue.top q) with Queue.Empty -> print_endline "top: Empty");
  Printf.printf "take_opt None %b, peek_opt None %b\n" (Queue.take_opt q = None) (Queue.peek_opt q = None);
  for i = 1 to 5 do Queue.add i q done;
  Queue.push 6 q;
  show q;
  Printf.printf "peek %d top %d\n" (Queue.peek q) (Queue.top q);
  Printf.printf "take %d pop %d\n" (Queue.take q) (Queue.pop q);
  show q;
  Queue.add 7 q;
  (match Queue.take_opt q with Some v -> Printf.printf "take_opt %d\n" v | None -> ());
  (match Queue.peek_opt q with Some v -> Printf.printf "peek_opt %d\n" v | None -> ());
  show q;
  Printf.printf "fold sum %d, fold list [%s]\n" (Queue.fold ( + ) 0 q)
    (String.concat ";" (List.rev (Queue.fold (fun acc x -> string_of_int x :: acc) [] q)));
  let c = Queue.copy q in
  Queue.add 100 c;
  ignore (Queue.take c);
  show q;
  show c;
  (* transfer appends q1 to q2 and empties q1 *)
  let q2 = Queue.create () in
  Queue.add (-1) q2;
  Queue.transfer q q2;
  show q;
  show q2;
  Queue.transfer q2 q;
  show q;
  show q2;
  Queue.clear q;
  show q;
  Printf.printf "is_empty %b\n" (Queue.is_empty q);
  (* interleaved adds and takes keep FIFO order *)
  let out = ref [] in
  for i = 1 to 20 do
    Queue.add i q;
    if i mod 3 = 0 then out := Queue.take q :: !out
  done;
  Printf.printf "taken [%s]\n" (String.concat ";" (List.rev_map string_of_int !out));
  show q;
  (* sequences *)
  let q3 = Queue.of_seq (List.to_seq [ 10; 20; 30 ]) in
  Queue.add_seq q3 (Array.to_seq [| 40; 50 |]);
  show q3;
  Printf.printf "to_seq [%s]\n" (String.concat ";" (List.of_seq (Seq.map string_of_int (Queue.to_seq q3))));
  (* a queue of strings, drained until Empty *)
  let qs = Queue.create () in
  List.iter (fun s -> Queue.add s qs) [ "a"; "b"; "c" ];
  (try
     while true do print_string (Queue.take qs ^ " ") done
   with Queue.Empty -> print_endline "(drained)");
  (* Queue.Empty escapes as an uncaught exception *)
  ignore (Queue.pop qs)
