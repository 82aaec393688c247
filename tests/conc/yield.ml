(* Thread.yield and Thread.create with a partial application; the main thread
   waits for the workers on a final channel. *)
let fin = Event.new_channel ()

let worker name n () =
  let acc = ref 0 in
  for i = 1 to n do acc := !acc + i; Thread.yield () done;
  Event.sync (Event.send fin (name, !acc))

let () =
  let _ = Thread.create (worker "w1" 10) () in
  let _ = Thread.create (worker "w2" 20) () in
  let results = ref [] in
  for _ = 1 to 2 do results := Event.sync (Event.receive fin) :: !results done;
  let sorted = List.sort compare !results in
  List.iter (fun (n, s) -> Printf.printf "%s: %d\n" n s) sorted;
  print_endline "done"
