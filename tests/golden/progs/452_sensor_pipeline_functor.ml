(* A sensor pipeline: readings keyed by a variant sensor id in a Map.Make map, a filter
   functor instantiated per signal type, and a Seq of samples *)
type sensor = Temp of int | Humidity of int | Pressure

module Sensor = struct
  type t = sensor
  let rank = function Temp _ -> 0 | Humidity _ -> 1 | Pressure -> 2
  let compare a b =
    match a, b with
    | Temp x, Temp y | Humidity x, Humidity y -> compare x y
    | _ -> compare (rank a) (rank b)
  let to_string = function
    | Temp n -> Printf.sprintf "temp%d" n
    | Humidity n -> Printf.sprintf "hum%d" n
    | Pressure -> "pressure"
end

module SMap = Map.Make (Sensor)

module type SIGNAL = sig
  type t
  val zero : t
  val add : t -> t -> t
  val scale : t -> int -> t
  val show : t -> string
end

(* a moving-average filter over a window of n samples *)
module Window (S : SIGNAL) = struct
  type w = { buf : S.t array; mutable pos : int; mutable count : int }
  let create n = { buf = Array.make n S.zero; pos = 0; count = 0 }
  let push w x =
    w.buf.(w.pos) <- x;
    w.pos <- (w.pos + 1) mod Array.length w.buf;
    if w.count < Array.length w.buf then w.count <- w.count + 1
  let average w =
    if w.count = 0 then S.zero
    else
      let sum = ref S.zero in
      for i = 0 to w.count - 1 do sum := S.add !sum w.buf.(i) done;
      S.scale !sum w.count
end

module Milli = struct
  type t = int
  let zero = 0
  let add = ( + )
  let scale x n = x / n
  let show x = Printf.sprintf "%d.%03d" (x / 1000) (abs x mod 1000)
end

module Flt = struct
  type t = float
  let zero = 0.
  let add = ( +. )
  let scale x n = x /. float_of_int n
  let show x = Printf.sprintf "%.2f" x
end

module MW = Window (Milli)
module FW = Window (Flt)

let samples =
  Seq.unfold
    (fun i ->
      if i >= 24 then None
      else
        let s = match i mod 4 with 0 -> Temp 1 | 1 -> Temp 2 | 2 -> Humidity 1 | _ -> Pressure in
        let v = 20_000 + (i * 137 mod 900) - (if i mod 5 = 0 then 400 else 0) in
        Some ((s, v), i + 1))
    0

let () =
  let windows =
    Seq.fold_left
      (fun m (s, v) ->
        let w = match SMap.find_opt s m with Some w -> w | None -> MW.create 3 in
        MW.push w v;
        SMap.add s w m)
      SMap.empty samples
  in
  SMap.iter (fun s w -> Printf.printf "%-9s avg=%s n=%d\n" (Sensor.to_string s) (Milli.show (MW.average w)) w.MW.count) windows;
  let hot = SMap.filter (fun _ w -> MW.average w > 20_400) windows in
  Printf.printf "hot: %s\n" (String.concat ", " (List.map (fun (s, _) -> Sensor.to_string s) (SMap.bindings hot)));
  let fw = FW.create 4 in
  List.iter (fun x -> FW.push fw x; Printf.printf "%s " (Flt.show (FW.average fw))) [ 1.5; 2.5; 3.0; 10.0; -4.0; 0.25 ];
  print_newline ();
  let counts =
    Seq.fold_left (fun m (s, _) -> SMap.update s (function None -> Some 1 | Some n -> Some (n + 1)) m) SMap.empty samples
  in
  SMap.iter (fun s n -> Printf.printf "%s:%d " (Sensor.to_string s) n) counts;
  print_newline ();
  match SMap.min_binding_opt counts, SMap.max_binding_opt counts with
  | Some (a, _), Some (b, _) -> Printf.printf "first %s last %s\n" (Sensor.to_string a) (Sensor.to_string b)
  | _ -> print_endline "empty"
