(* A sensor pipeline: readings grouped by sensor name in a functor-built map. *)
type reading = { sensor : string; value : int }
type status = Empty | Node of int

module SMap = Map.Make (String)
module IMap = Map.Make (struct type t = int let compare a b = compare b a end)

let readings = [
  { sensor = "temp"; value = 21 }; { sensor = "hum"; value = 40 };
  { sensor = "temp"; value = 23 }; { sensor = "co2"; value = 410 };
  { sensor = "hum"; value = 42 }; { sensor = "temp"; value = 22 } ]

let by_sensor =
  List.fold_left (fun m r ->
      SMap.update r.sensor (function None -> Some [r.value] | Some l -> Some (r.value :: l)) m)
    SMap.empty readings

let () =
  SMap.iter (fun k vs ->
      let n = List.length vs in
      Printf.printf "%-5s n=%d avg=%d\n" k n (List.fold_left ( + ) 0 vs / n)) by_sensor;
  Printf.printf "cardinal %d, mem co2 %b, mem x %b\n" (SMap.cardinal by_sensor) (SMap.mem "co2" by_sensor) (SMap.mem "x" by_sensor);
  let m = SMap.remove "hum" by_sensor in
  print_endline (String.concat "," (List.map fst (SMap.bindings m)));
  (match SMap.find_opt "temp" m with Some l -> Printf.printf "temp %d\n" (List.length l) | None -> ());
  (try ignore (SMap.find "hum" m) with Not_found -> print_endline "hum removed");
  let im = List.fold_left (fun m (k, v) -> IMap.add k v m) IMap.empty [(3, "c"); (1, "a"); (2, "b"); (5, "e")] in
  IMap.iter (fun k v -> Printf.printf "%d=%s " k v) im; print_newline ();
  let big = List.fold_left (fun m i -> IMap.add i (i * i) m) IMap.empty (List.init 1000 (fun i -> i)) in
  Printf.printf "%d %d %d\n" (IMap.cardinal big) (IMap.find 999 big) (fst (IMap.min_binding big));
  let sq = IMap.filter (fun k _ -> k mod 100 = 0) big |> IMap.map (fun v -> v / 100) in
  IMap.iter (fun k v -> Printf.printf "%d:%d " k v) sq; print_newline ();
  let st = [Empty; Node 3] in
  List.iter (function Empty -> print_string "E " | Node n -> Printf.printf "N%d " n) st; print_newline ();
  Printf.printf "%d\n" (SMap.fold (fun _ vs acc -> acc + List.length vs) by_sensor 0)
