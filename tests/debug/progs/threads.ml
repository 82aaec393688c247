(* Two threads that sleep and talk over a channel: --trace under the scheduler. *)
let ch = Event.new_channel ()

let producer n =
  for i = 1 to n do
    Sense.sleep_ms 5;
    Event.sync (Event.send ch i)
  done

let () =
  let _ = Thread.create producer 3 in
  for _ = 1 to 3 do
    print_int (Event.sync (Event.receive ch));
    print_newline ()
  done
