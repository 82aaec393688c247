(* Closures stored in lists, arrays, records and variants. *)
type op = { name : string; f : int -> int -> int }
type action = Print of (unit -> unit) | Compute of (int -> int)
let () =
  let ops = [{ name = "add"; f = ( + ) }; { name = "sub"; f = ( - ) }; { name = "mul"; f = ( * ) };
             { name = "max"; f = max }; { name = "pow"; f = (fun a b -> let r = ref 1 in for _ = 1 to b do r := !r * a done; !r) }] in
  List.iter (fun o -> Printf.printf "%s 7 3 = %d\n" o.name (o.f 7 3)) ops;
  let table = Array.init 5 (fun i -> fun x -> x * i) in
  Array.iteri (fun i g -> Printf.printf "%d:%d " i (g 10)) table;
  print_newline ();
  let actions = [Print (fun () -> print_endline "hello from closure"); Compute (fun x -> x * x); Print (fun () -> print_endline "bye")] in
  List.iter (fun a -> match a with Print p -> p () | Compute c -> Printf.printf "computed %d\n" (c 12)) actions;
  let handlers = ref [] in
  for i = 1 to 3 do handlers := (fun () -> Printf.printf "handler %d\n" i) :: !handlers done;
  List.iter (fun h -> h ()) (List.rev !handlers)
