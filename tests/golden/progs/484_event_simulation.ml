(* A discrete-event simulation of a sensor network: events in a Set.Make ordered by
   (time, sequence) used as a priority queue, node state in an array of records *)
type kind = Sample of int | Transmit of int * int | Receive of int * int | Battery_check

type event = { time : int; seq : int; kind : kind }

module Events = Set.Make (struct
  type t = event
  let compare a b = compare (a.time, a.seq) (b.time, b.seq)
end)

type node = { id : int; mutable battery : int; mutable sent : int; mutable received : int; mutable last : int }

let nodes = Array.init 3 (fun id -> { id; battery = 100; sent = 0; received = 0; last = 0 })
let seq = ref 0
let queue = ref Events.empty
let schedule time kind = incr seq; queue := Events.add { time; seq = !seq; kind } !queue
let trace = Buffer.create 512

let handle now = function
  | Sample n ->
    let nd = nodes.(n) in
    nd.battery <- nd.battery - 3;
    nd.last <- (now * 37 + n * 11) mod 100;
    if nd.battery > 10 then begin
      schedule (now + 2) (Transmit (n, nd.last));
      schedule (now + 7 + n) (Sample n)
    end else Buffer.add_string trace (Printf.sprintf "%4d node %d: battery low, stops sampling\n" now n)
  | Transmit (n, v) ->
    nodes.(n).sent <- nodes.(n).sent + 1;
    nodes.(n).battery <- nodes.(n).battery - 5;
    let dst = (n + 1) mod Array.length nodes in
    if v mod 5 <> 0 then schedule (now + 1) (Receive (dst, v))
    else Buffer.add_string trace (Printf.sprintf "%4d node %d: packet %d lost\n" now n v)
  | Receive (n, _) -> nodes.(n).received <- nodes.(n).received + 1
  | Battery_check ->
    Buffer.add_string trace
      (Printf.sprintf "%4d battery %s\n" now
         (String.concat " " (Array.to_list (Array.map (fun nd -> string_of_int nd.battery) nodes))));
    if now < 60 then schedule (now + 20) Battery_check

let rec run steps =
  match Events.min_elt_opt !queue with
  | None -> steps
  | Some ev ->
    queue := Events.remove ev !queue;
    handle ev.time ev.kind;
    run (steps + 1)

let () =
  Array.iter (fun nd -> schedule nd.id (Sample nd.id)) nodes;
  schedule 0 Battery_check;
  let steps = run 0 in
  print_string (Buffer.contents trace);
  Array.iter
    (fun nd -> Printf.printf "node %d: battery %d sent %d received %d last %d\n" nd.id nd.battery nd.sent nd.received nd.last)
    nodes;
  Printf.printf "%d events\n" steps
