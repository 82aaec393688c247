(* Frames of local named functions and anonymous functions, named as OCaml names them:
   M.f.k, M.f.k.loop, M.g.(fun), M.(fun), M.top (a local function of the top level). *)
let rec iter f = function [] -> () | x :: r -> f x; iter f r

let f n =
  let k x = if x > 2 then raise Not_found else x + 1 in
  let rec loop i = if i = 0 then 0 else k i + loop (i - 1) in
  loop n + 1

let g l =
  let h y = iter (fun z -> ignore (f z + y)) l in
  h 1;
  0

let () =
  let top x = g [ x; 5 ] + 1 in
  iter (fun x -> ignore (top x + 1)) [ 1 ]
