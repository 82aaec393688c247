(* producer_consumer.ml - two producer threads, one consumer, Concurrent-ML channels.
   A producer sends its items on [items] and a final message on [finished]; the consumer
   takes whichever is ready with Event.select. The output does not depend on scheduling:
   the same program prints the same under OCaml's threads library. *)
type msg = Item of int | Finished of string

let items = Event.new_channel ()
let finished = Event.new_channel ()

let producer (name, first, count) =
  for i = first to first + count - 1 do
    Event.sync (Event.send items i);
    Thread.yield ()
  done;
  Event.sync (Event.send finished name)

let rec consume running total n =
  if running = 0 then (total, n)
  else
    match Event.select [ Event.wrap (Event.receive items) (fun i -> Item i);
                         Event.wrap (Event.receive finished) (fun s -> Finished s) ] with
    | Item i -> consume running (total + i) (n + 1)
    | Finished _ -> consume (running - 1) total n

let () =
  let _ = Thread.create producer ("p1", 1, 50) in
  let _ = Thread.create producer ("p2", 1001, 50) in
  let (total, n) = consume 2 0 0 in
  Printf.printf "consumed %d items, total %d\n" n total
