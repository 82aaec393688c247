(* Partial applications, by labels only, of functions with optional parameters
   (tests/golden/known/BUGS.md B6): configure a function once, call it later. *)
let f ?(scale = 3) ~base x = base * scale + x

let log ?(prefix = "log") ?level ~tag msg =
  let lv = match level with Some l -> string_of_int l | None -> "-" in
  Printf.printf "%s[%s] %s: %s\n" prefix lv tag msg

let clamp ?(lo = 0) ?(hi = 100) v = max lo (min hi v)

let () =
  let g = f ~scale:5 in
  let h = f ~base:2 in
  Printf.printf "%d %d %d\n" (g ~base:2 1) (h 1) (h ~scale:1 1);
  let net = log ~tag:"net" in
  net "up";
  net ~level:2 "retry";
  let warn = log ~prefix:"warn" ~level:1 in
  warn ~tag:"disk" "full";
  let pct = clamp ~hi:10 in
  Printf.printf "%d %d %d\n" (pct 50) (pct (-3)) (pct ~lo:5 1);
  List.iter (fun m -> net m) [ "a"; "b" ]
