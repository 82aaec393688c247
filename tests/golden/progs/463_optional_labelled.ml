(* Optional and labelled arguments as libraries use them: defaults, ?x forwarding,
   labels in any order, partial application with labels, recursion with labels *)
let log ?(level = "info") ?prefix msg =
  let p = match prefix with None -> "" | Some p -> p ^ ": " in
  Printf.printf "[%s] %s%s\n" level p msg

let connect ?(retries = 3) ?(timeout_ms = 100) ~host ~port () =
  Printf.sprintf "%s:%d (retries=%d, timeout=%dms)" host port retries timeout_ms

let rec sum_to ?(acc = 0) n = if n = 0 then acc else sum_to ~acc:(acc + n) (n - 1)

let rec fold_range ~f ~init lo hi = if lo > hi then init else fold_range ~f ~init:(f init lo) (lo + 1) hi

let make_buffer ?size () =
  let n = Option.value size ~default:16 in
  Bytes.make n '.'

let scale ~factor x = x * factor
let clamp ?(lo = 0) ?(hi = 255) x = max lo (min hi x)

let wrapper ?level msg = log ?level ~prefix:"wrap" msg

let () =
  log "starting";
  log ~level:"warn" "low battery";
  log ~prefix:"net" ~level:"debug" "link up";
  wrapper "one";
  wrapper ~level:"error" "two";
  print_endline (connect ~host:"10.0.0.1" ~port:80 ());
  print_endline (connect ~port:8080 ~host:"sense" ~timeout_ms:5 ());
  print_endline (connect ~retries:0 ~host:"h" ~port:1 ());
  Printf.printf "%d %d\n" (sum_to 100) (sum_to ~acc:1000 10);
  Printf.printf "%d\n" (fold_range ~f:(fun a i -> a + (i * i)) ~init:0 1 10);
  Printf.printf "%d\n" (fold_range ~init:1 ~f:( * ) 1 6);
  Printf.printf "%d %d\n" (Bytes.length (make_buffer ())) (Bytes.length (make_buffer ~size:4 ()));
  let triple = scale ~factor:3 in
  Printf.printf "%s\n" (String.concat " " (List.map (fun x -> string_of_int (triple x)) [ 1; 2; 3 ]));
  Printf.printf "%d %d %d %d\n" (clamp 300) (clamp (-5)) (clamp ~lo:10 5) (clamp ~hi:50 ~lo:20 70);
  let opt = Some 7 in
  Printf.printf "%d\n" (clamp ?lo:opt 3)
