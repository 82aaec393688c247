(* State machines: a UART byte framer with escape bytes (SLIP-like), a debounced button and
   a traffic light with timed transitions *)
type framer = Idle | In_frame of Buffer.t | Escaped of Buffer.t

let feed (st, frames) byte =
  match st, byte with
  | Idle, '\xc0' -> (In_frame (Buffer.create 8), frames)
  | Idle, _ -> (Idle, frames)
  | In_frame b, '\xc0' -> if Buffer.length b = 0 then (In_frame b, frames) else (Idle, Buffer.contents b :: frames)
  | In_frame b, '\xdb' -> (Escaped b, frames)
  | In_frame b, c -> Buffer.add_char b c; (In_frame b, frames)
  | Escaped b, '\xdc' -> Buffer.add_char b '\xc0'; (In_frame b, frames)
  | Escaped b, '\xdd' -> Buffer.add_char b '\xdb'; (In_frame b, frames)
  | Escaped _, _ -> (Idle, frames)

let decode s =
  let _, frames = String.fold_left feed (Idle, []) s in
  List.rev frames

type button = Released | Maybe_pressed of int | Pressed | Maybe_released of int
type event = Press | Release

let debounce samples =
  let step (st, evs) (t, level) =
    match st, level with
    | Released, true -> (Maybe_pressed t, evs)
    | Maybe_pressed t0, true when t - t0 >= 3 -> (Pressed, (t, Press) :: evs)
    | Maybe_pressed _, false -> (Released, evs)
    | Pressed, false -> (Maybe_released t, evs)
    | Maybe_released t0, false when t - t0 >= 3 -> (Released, (t, Release) :: evs)
    | Maybe_released _, true -> (Pressed, evs)
    | s, _ -> (s, evs)
  in
  let _, evs = List.fold_left step (Released, []) samples in
  List.rev evs

type light = Red | Red_amber | Green | Amber

let duration = function Red -> 5 | Red_amber -> 1 | Green -> 4 | Amber -> 2
let next = function Red -> Red_amber | Red_amber -> Green | Green -> Amber | Amber -> Red
let name = function Red -> "red" | Red_amber -> "red+amber" | Green -> "green" | Amber -> "amber"

let () =
  let wire = "junk\xc0hello\xc0\xc0a\xdb\xdcb\xdb\xddc\xc0\xc0bad\xdbx\xc0tail" in
  List.iter (fun f -> Printf.printf "frame %S\n" f) (decode wire);
  let levels = [ 0; 0; 1; 1; 0; 1; 1; 1; 1; 1; 0; 1; 0; 0; 0; 0; 1; 1; 1; 1 ] in
  let samples = List.mapi (fun t l -> (t, l = 1)) levels in
  List.iter (fun (t, e) -> Printf.printf "t=%d %s\n" t (match e with Press -> "press" | Release -> "release")) (debounce samples);
  let rec run light t until acc =
    if t >= until then List.rev acc
    else run (next light) (t + duration light) until ((t, name light) :: acc)
  in
  List.iter (fun (t, n) -> Printf.printf "%2d:%s " t n) (run Red 0 30 []);
  print_newline ()
