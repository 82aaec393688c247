(* Printf %a and %t (printers of the caller's own types), Printf.fprintf on stdout and
   stderr, partial fprintf, and sprintf with %a/%t (its printers return the text). *)
type point = { x : int; y : int }
type shape = Circle of point * int | Poly of point list

let pp_point oc p = Printf.fprintf oc "(%d, %d)" p.x p.y
let pp_list pp oc l =
  List.iteri (fun i x -> if i > 0 then output_string oc "; "; pp oc x) l
let pp_shape oc = function
  | Circle (c, r) -> Printf.fprintf oc "circle %a r=%d" pp_point c r
  | Poly ps -> Printf.fprintf oc "poly [%a]" (pp_list pp_point) ps
let str_point () p = Printf.sprintf "<%d|%d>" p.x p.y
let stamp oc = output_string oc "[t=0]"

let () =
  let p = { x = 1; y = 2 } in
  let shapes = [ Circle (p, 5); Poly [ p; { x = 3; y = 4 }; { x = -1; y = 0 } ] ] in
  Printf.printf "point %a\n" pp_point p;
  List.iter (fun s -> Printf.printf "%t %a\n" stamp pp_shape s) shapes;
  let s = Printf.sprintf "[%a] %t %d" str_point p (fun () -> "tick") 7 in
  print_endline s;
  Printf.fprintf stdout "%s=%d %a\n" "answer" 42 pp_point { x = 0; y = 0 };
  Printf.fprintf stderr "to stderr %a\n" pp_shape (Circle (p, 1));
  let log = Printf.fprintf stdout "log %s: %d\n" in
  log "a" 1;
  log "b" 2;
  Printf.eprintf "warning %a\n" pp_point p;
  Printf.printf "%d shapes%!\n" (List.length shapes);
  flush stdout
