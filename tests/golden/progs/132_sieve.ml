(* Sieve of Eratosthenes with an array of booleans, and a list-based version. *)
(* golden: heap 192K *)
let sieve n =
  let a = Array.make (n + 1) true in
  a.(0) <- false; a.(1) <- false;
  for i = 2 to n do
    if a.(i) then begin
      let j = ref (i * i) in
      while !j <= n do a.(!j) <- false; j := !j + i done
    end
  done;
  a
let rec lsieve l = match l with [] -> [] | p :: t -> p :: lsieve (List.filter (fun x -> x mod p <> 0) t)
let () =
  let a = sieve 10000 in
  let count = ref 0 in
  Array.iter (fun b -> if b then incr count) a;
  Printf.printf "primes below 10000: %d\n" !count;
  for i = 0 to 100 do if a.(i) then Printf.printf "%d " i done;
  print_newline ();
  let ps = lsieve (List.init 199 (fun i -> i + 2)) in
  Printf.printf "%d %d\n" (List.length ps) (List.nth ps (List.length ps - 1))
