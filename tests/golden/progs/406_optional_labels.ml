(* Optional arguments with and without defaults, labelled arguments in any order, in partial and recursive applications. *)
let rec sum ~acc l = match l with [] -> acc | x :: xs -> sum ~acc:(acc + x) xs
let rec sum2 l ~acc = match l with [] -> acc | x :: xs -> sum2 xs ~acc:(acc + x)
let greet ?(greeting = "hello") ?punct name =
  let p = match punct with Some c -> String.make 1 c | None -> "" in
  greeting ^ ", " ^ name ^ p
let scale ~factor ~offset x = factor * x + offset
let make_range ?(step = 1) ~from ~upto () =
  let rec go i acc = if i > upto then List.rev acc else go (i + step) (i :: acc) in
  go from []
let log ?prefix msg = match prefix with None -> print_endline msg | Some p -> print_endline (p ^ msg)
let () =
  Printf.printf "%d %d\n" (sum ~acc:0 [1; 2; 3]) (sum2 [4; 5] ~acc:1);
  print_endline (greet "ann");
  print_endline (greet ~greeting:"hi" "bob");
  print_endline (greet ~punct:'!' "cy");
  print_endline (greet ?greeting:(Some "yo") ?punct:None "di");
  let by3 = scale ~factor:3 in
  let plus1 = scale ~offset:1 in
  Printf.printf "%d %d %d\n" (by3 ~offset:1 2) (plus1 ~factor:2 5) (scale ~offset:0 ~factor:4 2);
  List.iter (Printf.printf "%d ") (make_range ~from:1 ~upto:10 ~step:3 ());
  List.iter (Printf.printf "%d ") (make_range ~upto:3 ~from:1 ());
  print_newline ();
  log "plain"; log ~prefix:"> " "prefixed";
  let add ~x ~y = x + y in
  Printf.printf "%d\n" (List.fold_left (fun a b -> add ~y:a ~x:b) 0 [1; 2; 3])
