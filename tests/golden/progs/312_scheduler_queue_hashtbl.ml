(* A round-robin task scheduler: a Queue of runnable tasks, a Hashtbl of task states,
   results as ('a, string) result, Printexc for failures, Fun.protect for cleanup *)
type task = { id : int; name : string; mutable steps_left : int; fail_at : int option }

exception Task_failed of int * string

let run_queue = Queue.create ()
let states = Hashtbl.create 8
let log = Buffer.create 64

let step t =
  (match t.fail_at with
   | Some n when n = t.steps_left -> raise (Task_failed (t.id, t.name))
   | _ -> ());
  t.steps_left <- t.steps_left - 1;
  Buffer.add_string log (Printf.sprintf "%s%d " t.name t.steps_left)

let schedule tasks =
  List.iter (fun t -> Queue.add t run_queue) tasks;
  let active = ref 0 in
  while not (Queue.is_empty run_queue) do
    let t = Queue.take run_queue in
    incr active;
    (try
       Fun.protect ~finally:(fun () -> decr active)
         (fun () ->
            step t;
            if t.steps_left > 0 then Queue.add t run_queue
            else Hashtbl.replace states t.id (Ok t.id))
     with e -> Hashtbl.replace states t.id (Error (Printexc.to_string e)))
  done;
  !active

let () =
  let tasks =
    [ { id = 1; name = "a"; steps_left = 3; fail_at = None };
      { id = 2; name = "b"; steps_left = 1; fail_at = None };
      { id = 3; name = "c"; steps_left = 4; fail_at = Some 2 };
      { id = 4; name = "d"; steps_left = 2; fail_at = None } ]
  in
  let active = schedule tasks in
  print_endline (Buffer.contents log);
  Printf.printf "active after run: %d\n" active;
  List.iter
    (fun t ->
       match Hashtbl.find_opt states t.id with
       | Some (Ok v) -> Printf.printf "task %d (%s): done %d\n" t.id t.name v
       | Some (Error msg) -> Printf.printf "task %d (%s): failed: %s\n" t.id t.name msg
       | None -> Printf.printf "task %d: unknown\n" t.id)
    tasks;
  let ok = Hashtbl.fold (fun _ r n -> if Result.is_ok r then n + 1 else n) states 0 in
  Printf.printf "%d of %d succeeded\n" ok (Hashtbl.length states);
  (* word frequencies: a Hashtbl counted, then sorted by count and word *)
  let text = "the quick brown fox jumps over the lazy dog the fox" in
  let freq = Hashtbl.create 16 in
  List.iter
    (fun w -> Hashtbl.replace freq w (1 + Option.value (Hashtbl.find_opt freq w) ~default:0))
    (String.split_on_char ' ' text);
  let l = Hashtbl.fold (fun w n acc -> (n, w) :: acc) freq [] in
  let l = List.sort (fun (n1, w1) (n2, w2) -> if n1 <> n2 then compare n2 n1 else compare w1 w2) l in
  List.iteri (fun i (n, w) -> if i < 4 then Printf.printf "%s=%d " w n) l;
  print_newline ();
  (* breadth-first search over a graph in a Hashtbl of adjacency lists, with a Queue *)
  let graph = Hashtbl.create 8 in
  List.iter (fun (a, b) -> Hashtbl.add graph a b; Hashtbl.add graph b a)
    [ (1, 2); (1, 3); (2, 4); (3, 4); (4, 5); (6, 7) ];
  let dist = Hashtbl.create 8 in
  let q = Queue.create () in
  Hashtbl.replace dist 1 0;
  Queue.add 1 q;
  while not (Queue.is_empty q) do
    let v = Queue.pop q in
    let d = Hashtbl.find dist v in
    List.iter
      (fun w -> if not (Hashtbl.mem dist w) then begin Hashtbl.replace dist w (d + 1); Queue.add w q end)
      (List.sort compare (Hashtbl.find_all graph v))
  done;
  for v = 1 to 7 do
    Printf.printf "%d:%s " v (match Hashtbl.find_opt dist v with Some d -> string_of_int d | None -> "-")
  done;
  print_newline ()
