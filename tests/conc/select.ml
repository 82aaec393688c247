(* select/choose/wrap over several channels: a server answers requests from
   three clients, each on its own channel; the tally is scheduling-independent. *)
let ca = Event.new_channel ()
let cb = Event.new_channel ()
let cc = Event.new_channel ()
let fin = Event.new_channel ()

let client (ch, k) =
  for i = 1 to k do Event.sync (Event.send ch i) done;
  Event.sync (Event.send fin k)

let () =
  let _ = Thread.create client (ca, 3) in
  let _ = Thread.create client (cb, 4) in
  let _ = Thread.create client (cc, 5) in
  let ta = ref 0 and tb = ref 0 and tc = ref 0 in
  for _ = 1 to 12 do
    Event.select [
      Event.wrap (Event.receive ca) (fun v -> ta := !ta + v);
      Event.wrap (Event.receive cb) (fun v -> tb := !tb + v);
      Event.wrap (Event.receive cc) (fun v -> tc := !tc + v) ]
  done;
  let f = ref 0 in
  for _ = 1 to 3 do f := !f + Event.sync (Event.receive fin) done;
  Printf.printf "a=%d b=%d c=%d finished=%d\n" !ta !tb !tc !f
