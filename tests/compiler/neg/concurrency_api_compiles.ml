(* Compile-only: the Thread/Event/Sense API type-checks (no diagnostics). *)
let () =
  let c = Event.new_channel () in
  let _ = Thread.create (fun () ->
    for i = 1 to 3 do Event.sync (Event.send c i) done) () in
  for _ = 1 to 3 do print_int (Event.sync (Event.receive c)); print_newline () done
let () =
  let c = Event.new_channel () in
  let _ = Thread.create (fun () -> Event.sync (Event.send c "msg")) () in
  match Event.select [ Event.wrap (Event.receive c) (fun v -> Some v);
                       Event.wrap (Sense.after 500_000_000) (fun () -> None) ] with
  | Some v -> print_endline v
  | None -> print_endline "no message within 500 ms"
let () = match Event.poll (Event.always 5) with Some v -> Printf.printf "poll %d\n" v | None -> ()
let () = Printf.printf "%d\n" (Event.sync (Event.wrap (Event.wrap (Event.always 1) (fun x -> x + 1)) (fun x -> x * 10)))
