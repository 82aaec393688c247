(* The issue's sensor pipeline, end to end: raw frames parsed with result/let*, readings
   grouped per sensor in a Map.Make map, a per-kind calibration functor, alarms collected
   in a Queue, statistics in a Hashtbl.Make table, exceptions for fatal conditions *)
type kind = Temperature | Humidity | Vibration

module Kind = struct
  type t = kind
  let compare = compare
  let name = function Temperature -> "temperature" | Humidity -> "humidity" | Vibration -> "vibration"
end

module KMap = Map.Make (Kind)

module KTbl = Hashtbl.Make (struct
  type t = kind
  let equal = ( = )
  let hash = function Temperature -> 0 | Humidity -> 1 | Vibration -> 2
end)

module type CALIBRATION = sig
  val offset : int
  val gain_percent : int
  val limit : int
end

module Calibrate (C : CALIBRATION) = struct
  let apply raw = (raw + C.offset) * C.gain_percent / 100
  let alarm v = v > C.limit
end

module CT = Calibrate (struct let offset = -40 let gain_percent = 50 let limit = 35 end)
module CH = Calibrate (struct let offset = 0 let gain_percent = 100 let limit = 90 end)
module CV = Calibrate (struct let offset = 0 let gain_percent = 10 let limit = 20 end)

exception Sensor_dead of kind

let ( let* ) = Result.bind

let parse frame =
  match String.split_on_char ':' frame with
  | [ k; v ] ->
    let* kind =
      match k with "T" -> Ok Temperature | "H" -> Ok Humidity | "V" -> Ok Vibration | _ -> Error ("unknown kind " ^ k)
    in
    let* raw = Option.to_result ~none:("bad value " ^ v) (int_of_string_opt v) in
    if raw = 0xFFFF then raise (Sensor_dead kind) else Ok (kind, raw)
  | _ -> Error ("malformed " ^ frame)

let calibrate kind raw =
  match kind with
  | Temperature -> (CT.apply raw, CT.alarm (CT.apply raw))
  | Humidity -> (CH.apply raw, CH.alarm (CH.apply raw))
  | Vibration -> (CV.apply raw, CV.alarm (CV.apply raw))

let () =
  let frames = [ "T:100"; "H:45"; "V:80"; "T:120"; "X:1"; "H:95"; "V:300"; "T:abc"; "T:90"; "H"; "V:50"; "H:65535"; "T:110" ] in
  let alarms = Queue.create () in
  let stats = KTbl.create 4 in
  let errors = ref 0 in
  let readings =
    try
      List.fold_left
        (fun m frame ->
          match parse frame with
          | Error e -> incr errors; Printf.printf "skip: %s\n" e; m
          | Ok (kind, raw) ->
            let v, alarm = calibrate kind raw in
            if alarm then Queue.add (kind, v) alarms;
            let n, sum = Option.value (KTbl.find_opt stats kind) ~default:(0, 0) in
            KTbl.replace stats kind (n + 1, sum + v);
            KMap.update kind (fun l -> Some (v :: Option.value l ~default:[])) m)
        KMap.empty frames
    with Sensor_dead k -> Printf.printf "sensor dead: %s\n" (Kind.name k); KMap.empty
  in
  Printf.printf "readings kept: %d kinds, %d errors\n" (KMap.cardinal readings) !errors;
  KTbl.iter (fun k (n, sum) -> Printf.printf "%s: n=%d mean=%d\n" (Kind.name k) n (sum / n)) stats;
  Queue.iter (fun (k, v) -> Printf.printf "ALARM %s %d\n" (Kind.name k) v) alarms;
  let ok_frames = List.filter (fun f -> f <> "H:65535") frames in
  let readings =
    List.fold_left
      (fun m f -> match parse f with Ok (k, raw) -> KMap.add k (fst (calibrate k raw) :: (try KMap.find k m with Not_found -> [])) m | Error _ -> m)
      KMap.empty ok_frames
  in
  KMap.iter (fun k vs -> Printf.printf "%s: %s\n" (Kind.name k) (String.concat " " (List.rev_map string_of_int vs))) readings
