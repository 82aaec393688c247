(* Records, mutable state, exceptions and Printf together. *)
exception Insufficient of string * int
exception Unknown_account of string
type account = { id : string; mutable balance : int; mutable log : string list }
let accounts = [{ id = "alice"; balance = 100; log = [] }; { id = "bob"; balance = 50; log = [] }; { id = "carol"; balance = 0; log = [] }]
let find id = try List.find (fun a -> a.id = id) accounts with Not_found -> raise (Unknown_account id)
let transfer src dst amount =
  let s = find src and d = find dst in
  if s.balance < amount then raise (Insufficient (src, s.balance));
  s.balance <- s.balance - amount;
  d.balance <- d.balance + amount;
  s.log <- Printf.sprintf "-%d to %s" amount dst :: s.log;
  d.log <- Printf.sprintf "+%d from %s" amount src :: d.log
let () =
  let ops = [("alice", "bob", 30); ("bob", "carol", 70); ("carol", "dave", 1); ("carol", "alice", 500); ("bob", "alice", 10)] in
  List.iter (fun (s, d, n) ->
    try transfer s d n; Printf.printf "ok %s -> %s %d\n" s d n with
    | Insufficient (who, bal) -> Printf.printf "insufficient funds: %s has %d\n" who bal
    | Unknown_account a -> Printf.printf "unknown account %s\n" a) ops;
  List.iter (fun a ->
    Printf.printf "%-6s %5d  %s\n" a.id a.balance (String.concat "; " (List.rev a.log))) accounts;
  Printf.printf "total %d\n" (List.fold_left (fun t a -> t + a.balance) 0 accounts)
