(* Memoization with arrays; dynamic programming. *)
let fib_memo n =
  let memo = Array.make (n + 1) (-1) in
  let rec f k = if k < 2 then k else if memo.(k) >= 0 then memo.(k) else begin
    let v = f (k - 1) + f (k - 2) in memo.(k) <- v; v end in
  f n
let lcs a b =
  let n = String.length a and m = String.length b in
  let t = Array.init (n + 1) (fun _ -> Array.make (m + 1) 0) in
  for i = 1 to n do
    for j = 1 to m do
      t.(i).(j) <- if a.[i - 1] = b.[j - 1] then t.(i - 1).(j - 1) + 1 else max t.(i - 1).(j) t.(i).(j - 1)
    done
  done;
  t.(n).(m)
let coins amount cs =
  let ways = Array.make (amount + 1) 0 in
  ways.(0) <- 1;
  List.iter (fun c -> for v = c to amount do ways.(v) <- ways.(v) + ways.(v - c) done) cs;
  ways.(amount)
let () =
  List.iter (fun n -> Printf.printf "fib %d = %d\n" n (fib_memo n)) [10; 20; 30; 40; 44];
  Printf.printf "lcs %d\n" (lcs "AGGTAB" "GXTXAYB");
  Printf.printf "lcs %d\n" (lcs "the quick brown fox" "a quick brown dog jumps");
  Printf.printf "coins %d\n" (coins 100 [1; 5; 10; 25; 50]);
  Printf.printf "coins %d\n" (coins 300 [2; 3; 7])
