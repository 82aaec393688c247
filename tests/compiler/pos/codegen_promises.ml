(* asm-has: ev_send_sync ev_receive_sync forup fordown modimm divimm bltacc pushcall pushtailcall pushaccfield envaccfield pushacc2 *)
(* The code generator's promises (docs/sensec.md): each construct below compiles to the
   instruction or service named above; the output checks that the meaning is kept. *)
let c = Event.new_channel ()
let rec count n acc = if n = 0 then acc else count (n - 1) (acc + n)
let rec tak x y z = if y < x then tak (tak (x - 1) y z) (tak (y - 1) z x) (tak (z - 1) x y) else z
let () =
  let _ = Thread.create (fun () -> for i = 1 to 3 do Event.sync (Event.send c (i * 10)) done) () in
  for _ = 1 to 3 do print_int (Event.sync (Event.receive c)); print_char ' ' done;
  print_newline ();
  let s = ref 0 in
  for i = 10 downto 1 do s := !s + i mod 3 + i / 2 done;
  print_int !s; print_newline ();
  print_int (count 100 0); print_newline ();
  print_int (tak 8 4 2); print_newline ();
  let p = ref (3, 4) in
  let f x = let (a, b) = !p in x * a + b in
  print_int (f 5); print_newline ();
  let rec sum l = match l with [] -> 0 | x :: t -> x + sum t in
  print_int (sum [1; 2; 3]); print_newline ()
