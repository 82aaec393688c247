(* Towers of Hanoi. *)
let moves = ref 0
let rec hanoi n src dst tmp print =
  if n > 0 then begin
    hanoi (n - 1) src tmp dst print;
    incr moves;
    if print then Printf.printf "move disk %d from %s to %s\n" n src dst;
    hanoi (n - 1) tmp dst src print
  end
let () =
  hanoi 4 "A" "C" "B" true;
  Printf.printf "%d moves\n" !moves;
  moves := 0;
  hanoi 16 "A" "C" "B" false;
  Printf.printf "%d moves\n" !moves
