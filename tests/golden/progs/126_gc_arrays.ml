(* GC stress: arrays allocated and discarded, arrays of boxed values kept alive. *)
let () =
  let sum = ref 0 in
  for i = 1 to 200 do
    let a = Array.init 100 (fun j -> i * j mod 97) in
    let b = Array.map (fun x -> x + 1) a in
    sum := (!sum + Array.fold_left ( + ) 0 b) mod 1000003
  done;
  Printf.printf "%d\n" !sum;
  let boxes = Array.make 50 [] in
  for i = 0 to 2000 do
    boxes.(i mod 50) <- i :: boxes.(i mod 50);
    if i mod 7 = 0 then ignore (Array.make 30 (string_of_int i))
  done;
  Printf.printf "%d %d %d\n" (List.length boxes.(0)) (List.hd boxes.(49)) (List.fold_left ( + ) 0 boxes.(13));
  let floats = Array.make 100 0.0 in
  let f = ref 0.0 in
  for i = 0 to 99 do floats.(i) <- !f; f := !f +. 0.5 done;
  let fsum = Array.fold_left ( +. ) 0.0 floats in
  Printf.printf "%f\n" fsum
