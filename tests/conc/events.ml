(* always, poll, choose and nested wrap. *)
let () =
  let c = Event.new_channel () in
  (match Event.poll (Event.receive c) with
   | None -> print_endline "poll: nothing ready"
   | Some v -> Printf.printf "poll: %d\n" v);
  (match Event.poll (Event.always 7) with
   | None -> print_endline "poll always: none"
   | Some v -> Printf.printf "poll always: %d\n" v);
  let e = Event.wrap (Event.wrap (Event.always 3) (fun x -> x * 10)) (fun x -> x + 1) in
  Printf.printf "nested wrap: %d\n" (Event.sync e);
  let r = Event.select [ Event.receive c; Event.wrap (Event.always 5) (fun x -> x * 2) ] in
  Printf.printf "select with always: %d\n" r;
  let _ = Thread.create (fun () -> Event.sync (Event.send c 42)) () in
  let v = Event.sync (Event.choose [ Event.receive c ]) in
  Printf.printf "choose receive: %d\n" v;
  let s = Event.new_channel () in
  let _ = Thread.create (fun () ->
    let x = Event.sync (Event.receive s) in
    Printf.printf "got %s\n" x;
    Event.sync (Event.send s (x ^ "!"))) () in
  Event.sync (Event.send s "hello");
  print_endline (Event.sync (Event.receive s))
