(* Producer/consumer: two producers, one consumer, a fixed count; the sum is
   scheduling-independent. *)
let c = Event.new_channel ()
let fin = Event.new_channel ()

let producer base =
  for i = 1 to 10 do Event.sync (Event.send c (base + i)) done;
  Event.sync (Event.send fin base)

let () =
  let _ = Thread.create producer 100 in
  let _ = Thread.create producer 1000 in
  let sum = ref 0 and count = ref 0 in
  for _ = 1 to 20 do
    sum := !sum + Event.sync (Event.receive c);
    incr count
  done;
  let a = Event.sync (Event.receive fin) in
  let b = Event.sync (Event.receive fin) in
  Printf.printf "received %d values, sum %d\n" !count !sum;
  Printf.printf "producers finished: %d\n" (a + b)
