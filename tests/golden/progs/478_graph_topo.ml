(* Graphs with Map and Set: build an adjacency map, BFS distances, DFS topological sort of
   build dependencies, cycle detection with an exception *)
module SMap = Map.Make (String)
module SSet = Set.Make (String)

exception Cycle of string list

let graph edges =
  List.fold_left
    (fun g (a, b) ->
      let g = if SMap.mem b g then g else SMap.add b SSet.empty g in
      SMap.update a (function None -> Some (SSet.singleton b) | Some s -> Some (SSet.add b s)) g)
    SMap.empty edges

let succs g v = try SMap.find v g with Not_found -> SSet.empty

let bfs g start =
  let q = Queue.create () in
  Queue.add (start, 0) q;
  let rec loop dist =
    match Queue.take_opt q with
    | None -> dist
    | Some (v, d) ->
      if SMap.mem v dist then loop dist
      else begin
        SSet.iter (fun w -> Queue.add (w, d + 1) q) (succs g v);
        loop (SMap.add v d dist)
      end
  in
  loop SMap.empty

let topo g =
  let rec visit path (done_, order) v =
    if SSet.mem v done_ then (done_, order)
    else if List.mem v path then raise (Cycle (List.rev (v :: path)))
    else
      let done_, order = SSet.fold (fun w acc -> visit (v :: path) acc w) (succs g v) (done_, order) in
      (SSet.add v done_, v :: order)
  in
  snd (SMap.fold (fun v _ acc -> visit [] acc v) g (SSet.empty, []))

let () =
  let deps =
    [ ("app", "net"); ("app", "ui"); ("net", "hal"); ("ui", "gfx"); ("gfx", "hal"); ("hal", "cmsis"); ("app", "log");
      ("log", "hal") ]
  in
  let g = graph deps in
  SMap.iter (fun v s -> Printf.printf "%s -> {%s}\n" v (String.concat "," (SSet.elements s))) g;
  SMap.iter (fun v d -> Printf.printf "%s:%d " v d) (bfs g "app");
  print_newline ();
  print_endline (String.concat " " (topo g));
  let all = SMap.fold (fun v s acc -> SSet.union acc (SSet.add v s)) g SSet.empty in
  Printf.printf "%d nodes, leaves: %s\n" (SSet.cardinal all)
    (String.concat "," (SSet.elements (SSet.filter (fun v -> SSet.is_empty (succs g v)) all)));
  match topo (graph (("cmsis", "app") :: deps)) with
  | order -> print_endline (String.concat " " order)
  | exception Cycle path -> Printf.printf "cycle: %s\n" (String.concat " -> " path)
