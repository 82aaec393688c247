(* A UART driver as an embedded developer writes it, simulated: a transmit FIFO (Queue),
   a receive ring buffer (Bytes), interrupt handlers as closures in a table, error flags in
   a bitmask, line assembly into commands *)
exception Overrun

let fifo_size = 8
let tx : char Queue.t = Queue.create ()
let rx = Bytes.create 16
let rx_head = ref 0
let rx_tail = ref 0
let flags = ref 0
let flag_overrun = 0x1
let flag_framing = 0x2
let wire = Buffer.create 64

let rx_count () = (!rx_tail - !rx_head + Bytes.length rx) mod Bytes.length rx

let rx_push c =
  if rx_count () = Bytes.length rx - 1 then raise Overrun;
  Bytes.set rx !rx_tail c;
  rx_tail := (!rx_tail + 1) mod Bytes.length rx

let rx_pop () =
  if !rx_head = !rx_tail then None
  else begin
    let c = Bytes.get rx !rx_head in
    rx_head := (!rx_head + 1) mod Bytes.length rx;
    Some c
  end

let irq_table : (string * (char -> unit)) array =
  [| ("rx", fun c -> (try rx_push c with Overrun -> flags := !flags lor flag_overrun));
     ("framing", fun _ -> flags := !flags lor flag_framing);
     ("tx_empty", fun _ -> match Queue.take_opt tx with Some c -> Buffer.add_char wire c | None -> ()) |]

let raise_irq n c = (snd irq_table.(n)) c

let write s =
  String.iter (fun c -> if Queue.length tx < fifo_size then Queue.add c tx else (raise_irq 2 ' '; Queue.add c tx)) s

let lines = ref []
let current = Buffer.create 16
let poll () =
  let rec go () =
    match rx_pop () with
    | None -> ()
    | Some '\n' -> lines := Buffer.contents current :: !lines; Buffer.clear current; go ()
    | Some '\r' -> go ()
    | Some c -> Buffer.add_char current c; go ()
  in
  go ()

let () =
  write "HELLO SENSE-VM\r\n";
  while not (Queue.is_empty tx) do raise_irq 2 ' ' done;
  Printf.printf "wire: %S\n" (Buffer.contents wire);
  String.iter (fun c -> raise_irq 0 c) "led on\r\nrate 5\n";
  poll ();
  String.iter (fun c -> raise_irq 0 c) "this line is far too long for the ring\n";
  raise_irq 1 '\000';
  poll ();
  String.iter (fun c -> raise_irq 0 c) "ok\n";
  poll ();
  List.iter (fun l -> Printf.printf "line %S\n" l) (List.rev !lines);
  Printf.printf "flags overrun=%b framing=%b partial=%S\n" (!flags land flag_overrun <> 0)
    (!flags land flag_framing <> 0) (Buffer.contents current);
  Array.iteri (fun i (name, _) -> Printf.printf "irq %d: %s\n" i name) irq_table
