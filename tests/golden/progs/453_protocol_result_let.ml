(* A framed binary protocol: parse with result and let*, errors as a variant *)
type error =
  | Truncated of int
  | Bad_magic of int
  | Bad_checksum of int * int  (* expected, got *)
  | Unknown_command of int

type command =
  | Ping
  | Set_led of bool
  | Set_rate of int
  | Write of string

let ( let* ) = Result.bind
let ( let+ ) r f = Result.map f r

let byte s i = if i < String.length s then Ok (Char.code s.[i]) else Error (Truncated i)

let u16 s i =
  let* hi = byte s i in
  let+ lo = byte s (i + 1) in
  (hi lsl 8) lor lo

let checksum s ofs len =
  let c = ref 0 in
  for i = ofs to ofs + len - 1 do c := (!c + Char.code s.[i]) land 0xff done;
  !c

let parse_frame s =
  let* magic = byte s 0 in
  let* () = if magic = 0xA5 then Ok () else Error (Bad_magic magic) in
  let* cmd = byte s 1 in
  let* len = byte s 2 in
  let* () = if String.length s >= 4 + len then Ok () else Error (Truncated (String.length s)) in
  let* sum = byte s (3 + len) in
  let expected = checksum s 1 (len + 2) in
  let* () = if sum = expected then Ok () else Error (Bad_checksum (expected, sum)) in
  match cmd with
  | 0x01 -> Ok Ping
  | 0x02 -> let+ b = byte s 3 in Set_led (b <> 0)
  | 0x03 -> let+ r = u16 s 3 in Set_rate r
  | 0x04 -> Ok (Write (String.sub s 3 len))
  | c -> Error (Unknown_command c)

let frame cmd payload =
  let body = String.make 1 (Char.chr cmd) ^ String.make 1 (Char.chr (String.length payload)) ^ payload in
  "\xa5" ^ body ^ String.make 1 (Char.chr (checksum body 0 (String.length body)))

let show_cmd = function
  | Ping -> "Ping"
  | Set_led b -> Printf.sprintf "Set_led %b" b
  | Set_rate r -> Printf.sprintf "Set_rate %d" r
  | Write s -> Printf.sprintf "Write %S" s

let show_err = function
  | Truncated i -> Printf.sprintf "truncated at %d" i
  | Bad_magic m -> Printf.sprintf "bad magic 0x%02x" m
  | Bad_checksum (expected, got) -> Printf.sprintf "checksum: expected %d, got %d" expected got
  | Unknown_command c -> Printf.sprintf "unknown command %d" c

let corrupt s = String.mapi (fun i c -> if i = String.length s - 1 then Char.chr ((Char.code c + 1) land 0xff) else c) s

let () =
  let frames =
    [ frame 1 ""; frame 2 "\001"; frame 2 "\000"; frame 3 "\002\088"; frame 4 "hello";
      "\x5a\001\000\001"; "\xa5\001"; corrupt (frame 4 "abc"); frame 9 "zz"; frame 3 "\001" ]
  in
  List.iteri
    (fun i f ->
      match parse_frame f with
      | Ok c -> Printf.printf "%d: ok %s\n" i (show_cmd c)
      | Error e -> Printf.printf "%d: error %s\n" i (show_err e))
    frames;
  let results = List.map parse_frame frames in
  let oks = List.filter_map Result.to_option results in
  Printf.printf "%d ok, %d errors\n" (List.length oks) (List.length (List.filter Result.is_error results));
  let all =
    List.fold_left
      (fun acc r -> let* l = acc in let+ c = r in c :: l)
      (Ok []) [ parse_frame (frame 1 ""); parse_frame (frame 2 "\001") ]
  in
  (match all with
   | Ok l -> Printf.printf "all ok: %s\n" (String.concat "; " (List.rev_map show_cmd l))
   | Error e -> print_endline (show_err e));
  let r = Result.map_error show_err (parse_frame "\xa5\007") in
  Printf.printf "%s\n" (match r with Ok _ -> "?" | Error m -> m)
