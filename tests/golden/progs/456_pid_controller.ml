(* A PID controller in fixed step, driving a first-order plant; clamped output with
   anti-windup *)
type pid = {
  kp : float;
  ki : float;
  kd : float;
  out_min : float;
  out_max : float;
  mutable integral : float;
  mutable prev_error : float option;
}

let make ?(out_min = -100.) ?(out_max = 100.) ~kp ~ki ~kd () =
  { kp; ki; kd; out_min; out_max; integral = 0.; prev_error = None }

let clamp lo hi x = if x < lo then lo else if x > hi then hi else x

let update pid ~setpoint ~measured ~dt =
  let error = setpoint -. measured in
  let derivative = match pid.prev_error with None -> 0. | Some e -> (error -. e) /. dt in
  pid.prev_error <- Some error;
  let candidate = pid.integral +. (error *. dt) in
  let unclamped = (pid.kp *. error) +. (pid.ki *. candidate) +. (pid.kd *. derivative) in
  let out = clamp pid.out_min pid.out_max unclamped in
  if out = unclamped then pid.integral <- candidate;
  out

(* plant: temperature relaxes to ambient, heated by the controller output *)
let simulate pid steps =
  let temp = ref 20.0 in
  let trace = ref [] in
  for i = 1 to steps do
    let u = update pid ~setpoint:50. ~measured:!temp ~dt:0.5 in
    temp := !temp +. (0.5 *. ((0.08 *. u) -. (0.05 *. (!temp -. 20.))));
    if i mod 10 = 0 then trace := (i, u, !temp) :: !trace
  done;
  List.rev !trace

let () =
  let p = make ~kp:2.0 ~ki:0.5 ~kd:0.1 () in
  List.iter (fun (i, u, t) -> Printf.printf "step %3d  u=%8.3f  temp=%7.3f\n" i u t) (simulate p 80);
  Printf.printf "integral %.4f\n" p.integral;
  let q = make ~out_min:0. ~out_max:30. ~kp:5.0 ~ki:1.0 ~kd:0. () in
  let last = List.fold_left (fun _ (_, u, t) -> Printf.sprintf "%.2f/%.2f" u t) "" (simulate q 40) in
  print_endline last;
  Printf.printf "%.3f %.3f %.3f\n" (clamp 0. 1. 1.5) (clamp 0. 1. (-0.5)) (clamp 0. 1. 0.25)
