(* A sensor pipeline: readings as a Seq, parsed with result, smoothed with a Queue window,
   alarms kept in a Stack, per-sensor statistics in a Hashtbl *)
type reading = { sensor : string; value : int }

let parse line =
  match String.split_on_char '=' line with
  | [ name; v ] when String.length name > 0 -> (
      match int_of_string_opt (String.trim v) with
      | Some value -> Ok { sensor = String.trim name; value }
      | None -> Error (Printf.sprintf "bad value in %S" line))
  | _ -> Error (Printf.sprintf "bad line %S" line)

let lines =
  [ "temp=20"; "hum=40"; "temp=22"; "oops"; "temp=35"; "hum=x"; "temp=21"; "hum=44"; "temp=50"; "press=1000" ]

let () =
  let parsed = Seq.map parse (List.to_seq lines) in
  let errors = Seq.filter_map (fun r -> match r with Error e -> Some e | Ok _ -> None) parsed in
  Seq.iter print_endline errors;
  let readings = Seq.filter_map Result.to_option parsed in
  let window = Queue.create () in
  let alarms = Stack.create () in
  let stats = Hashtbl.create 8 in
  Seq.iter
    (fun r ->
       let (n, sum, mx) = Option.value (Hashtbl.find_opt stats r.sensor) ~default:(0, 0, min_int) in
       Hashtbl.replace stats r.sensor (n + 1, sum + r.value, max mx r.value);
       if r.sensor = "temp" then begin
         Queue.add r.value window;
         if Queue.length window > 3 then ignore (Queue.take window);
         let avg = Queue.fold ( + ) 0 window / Queue.length window in
         Printf.printf "temp %d avg %d\n" r.value avg;
         if avg > 25 then Stack.push (Printf.sprintf "avg %d after %d" avg r.value) alarms
       end)
    readings;
  Printf.printf "%d alarms, latest first:\n" (Stack.length alarms);
  Stack.iter print_endline alarms;
  let names = List.sort compare (List.of_seq (Hashtbl.to_seq_keys stats)) in
  List.iter
    (fun name ->
       let (n, sum, mx) = Hashtbl.find stats name in
       Printf.printf "%s: n=%d mean=%d max=%d\n" name n (sum / n) mx)
    names;
  let total = Seq.fold_left (fun acc r -> acc + r.value) 0 readings in
  Printf.printf "total %d over %d readings\n" total (Seq.fold_left (fun n _ -> n + 1) 0 readings)
