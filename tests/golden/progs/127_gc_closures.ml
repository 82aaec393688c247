(* GC stress: many closures and partial applications. *)
let () =
  let fs = ref [] in
  for i = 1 to 500 do
    let f = (fun a b -> a * b + i) in
    fs := (f i) :: !fs
  done;
  Printf.printf "%d\n" (List.fold_left (fun acc g -> (acc + g 3) mod 100000) 0 !fs);
  let compose f g x = f (g x) in
  let big = List.fold_left compose (fun x -> x) (List.init 200 (fun i -> fun x -> (x + i) mod 1000)) in
  Printf.printf "%d\n" (big 0);
  let acc = ref 0 in
  for i = 1 to 1000 do
    let c = (fun x -> fun y -> x + y) i in
    acc := (!acc + c 1) mod 1000000
  done;
  Printf.printf "%d\n" !acc
