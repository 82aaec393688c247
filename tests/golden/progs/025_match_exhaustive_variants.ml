(* A state machine driven by pattern matching on (state, input). *)
type state = Idle | Running of int | Paused of int | Done
type input = Start | Tick | Pause | Resume | Stop
let step s i = match s, i with
  | Idle, Start -> Running 0
  | Running n, Tick -> if n >= 3 then Done else Running (n + 1)
  | Running n, Pause -> Paused n
  | Paused n, Resume -> Running n
  | (Running _ | Paused _), Stop -> Done
  | Done, _ -> Done
  | s, _ -> s
let show s = match s with
  | Idle -> "Idle" | Running n -> "Running " ^ string_of_int n
  | Paused n -> "Paused " ^ string_of_int n | Done -> "Done"
let () =
  let inputs = [Tick; Start; Tick; Pause; Tick; Resume; Tick; Tick; Tick; Tick; Start] in
  let final = List.fold_left (fun s i -> let s' = step s i in print_endline (show s'); s') Idle inputs in
  print_endline ("final: " ^ show final);
  print_endline (show (List.fold_left step Idle [Start; Pause; Stop]))
