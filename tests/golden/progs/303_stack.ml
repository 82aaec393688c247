(* Stack: OCaml's full interface, Stack.Empty *)
let show s =
  print_string "[";
  Stack.iter (fun x -> Printf.printf " %d" x) s;
  Printf.printf " ] length %d\n" (Stack.length s)

let () =
  let s = Stack.create () in
  Printf.printf "is_empty %b\n" (Stack.is_empty s);
  (try ignore (Stack.pop s) with Stack.Empty -> print_endline "pop: Empty");
  (try ignore (Stack.top s) with Stack.Empty -> print_endline "top: Empty");
  Printf.printf "pop_opt None %b, top_opt None %b\n" (Stack.pop_opt s = None) (Stack.top_opt s = None);
  for i = 1 to 5 do Stack.push i s done;
  show s;
  Printf.printf "top %d pop %d pop %d\n" (Stack.top s) (Stack.pop s) (Stack.pop s);
  show s;
  (match Stack.pop_opt s with Some v -> Printf.printf "pop_opt %d\n" v | None -> ());
  (match Stack.top_opt s with Some v -> Printf.printf "top_opt %d\n" v | None -> ());
  Printf.printf "fold [%s]\n" (String.concat ";" (Stack.fold (fun acc x -> string_of_int x :: acc) [] s));
  let c = Stack.copy s in
  Stack.push 9 c;
  show s;
  show c;
  Stack.clear c;
  show c;
  Printf.printf "is_empty %b\n" (Stack.is_empty c);
  let s2 = Stack.of_seq (List.to_seq [ 1; 2; 3 ]) in
  Stack.add_seq s2 (List.to_seq [ 4; 5 ]);
  show s2;
  Printf.printf "to_seq [%s]\n" (String.concat ";" (List.of_seq (Seq.map string_of_int (Stack.to_seq s2))));
  (* balanced brackets with a stack of chars *)
  let balanced str =
    let st = Stack.create () in
    try
      String.iter
        (fun c ->
           match c with
           | '(' | '[' | '{' -> Stack.push c st
           | ')' -> if Stack.pop st <> '(' then raise Exit
           | ']' -> if Stack.pop st <> '[' then raise Exit
           | '}' -> if Stack.pop st <> '{' then raise Exit
           | _ -> ())
        str;
      Stack.is_empty st
    with
    | Exit -> false
    | Stack.Empty -> false
  in
  List.iter (fun str -> Printf.printf "%s %b\n" str (balanced str)) [ "([]{})"; "(]"; "(()"; "())"; "" ];
  (* Stack.Empty escapes as an uncaught exception *)
  ignore (Stack.pop (Stack.create ()))
