(* Records with mutable fields. *)
type account = { owner : string; mutable balance : int; mutable history : int list }
type counter = { mutable count : int }
let deposit a n = a.balance <- a.balance + n; a.history <- n :: a.history
let withdraw a n =
  if n > a.balance then false
  else begin a.balance <- a.balance - n; a.history <- (-n) :: a.history; true end
let () =
  let acc = { owner = "Dana"; balance = 100; history = [] } in
  deposit acc 50;
  Printf.printf "ok=%b\n" (withdraw acc 30);
  Printf.printf "ok=%b\n" (withdraw acc 500);
  deposit acc 7;
  Printf.printf "%s balance=%d\n" acc.owner acc.balance;
  List.iter (fun n -> Printf.printf "%d " n) (List.rev acc.history);
  print_newline ();
  let c = { count = 0 } in
  for _ = 1 to 10 do c.count <- c.count + 1 done;
  print_int c.count; print_newline ();
  let alias = c in
  alias.count <- 99;
  print_int c.count; print_newline ();
  let cs = Array.init 3 (fun i -> { count = i }) in
  Array.iter (fun c -> c.count <- c.count * 10) cs;
  Array.iter (fun c -> print_int c.count; print_char ' ') cs;
  print_newline ()
