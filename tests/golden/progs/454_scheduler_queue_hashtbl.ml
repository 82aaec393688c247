(* A cooperative scheduler: tasks are step functions in a run Queue; a Hashtbl keeps each
   task's state and statistics; timers wake sleeping tasks *)
type status = Ready | Sleeping of int | Done

type task = { id : int; name : string; mutable steps : int; step : int -> int option }

let now = ref 0
let run_queue : task Queue.t = Queue.create ()
(* the table of task states: (int, status) Hashtbl.t *)
let status = Hashtbl.create 16
let sleepers = ref []
let log = Buffer.create 256

let spawn id name step =
  let t = { id; name; steps = 0; step } in
  Hashtbl.replace status id Ready;
  Queue.add t run_queue

let wake () =
  let due, rest = List.partition (fun (at, _) -> at <= !now) !sleepers in
  sleepers := rest;
  List.iter (fun (_, t) -> Hashtbl.replace status t.id Ready; Queue.add t run_queue)
    (List.sort (fun (a, x) (b, y) -> compare (a, x.id) (b, y.id)) due)

let run_one () =
  match Queue.take_opt run_queue with
  | None -> false
  | Some t ->
    t.steps <- t.steps + 1;
    (match t.step t.steps with
     | None ->
       Hashtbl.replace status t.id Done;
       Buffer.add_string log (Printf.sprintf "[%d] %s done after %d steps\n" !now t.name t.steps)
     | Some 0 -> Queue.add t run_queue
     | Some d ->
       Hashtbl.replace status t.id (Sleeping (!now + d));
       sleepers := (!now + d, t) :: !sleepers);
    true

let () =
  spawn 1 "blink" (fun n -> if n > 4 then None else Some 3);
  spawn 2 "sample" (fun n -> if n > 6 then None else Some (n mod 2));
  spawn 3 "report" (fun n -> if n > 2 then None else Some 5);
  spawn 4 "idle" (fun n -> if n > 3 then None else Some 0);
  while not (Queue.is_empty run_queue && !sleepers = []) do
    wake ();
    if not (run_one ()) then incr now;
    if !now > 100 then failwith "runaway"
  done;
  print_string (Buffer.contents log);
  let ids = List.sort compare (Hashtbl.fold (fun id _ acc -> id :: acc) status []) in
  List.iter
    (fun id ->
      Printf.printf "task %d: %s\n" id
        (match Hashtbl.find status id with Ready -> "ready" | Sleeping t -> "sleeping until " ^ string_of_int t | Done -> "done"))
    ids;
  Printf.printf "finished at t=%d, queue %d\n" !now (Queue.length run_queue)
