(* A binary min-heap in a growable array, as a functor over an ordered element; used as a
   timer queue and to sort *)
module type ORDERED = sig type t val compare : t -> t -> int end

module Heap (O : ORDERED) = struct
  type t = { mutable data : O.t array; mutable size : int }
  exception Empty
  let create () = { data = [||]; size = 0 }
  let swap a i j = let t = a.(i) in a.(i) <- a.(j); a.(j) <- t
  let push h x =
    if h.size = Array.length h.data then begin
      let nd = Array.make (max 4 (2 * h.size)) x in
      Array.blit h.data 0 nd 0 h.size;
      h.data <- nd
    end;
    h.data.(h.size) <- x;
    let i = ref h.size in
    h.size <- h.size + 1;
    while !i > 0 && O.compare h.data.((!i - 1) / 2) h.data.(!i) > 0 do
      swap h.data !i ((!i - 1) / 2);
      i := (!i - 1) / 2
    done
  let pop h =
    if h.size = 0 then raise Empty;
    let top = h.data.(0) in
    h.size <- h.size - 1;
    h.data.(0) <- h.data.(h.size);
    let rec down i =
      let l = (2 * i) + 1 and r = (2 * i) + 2 in
      let smallest = if l < h.size && O.compare h.data.(l) h.data.(i) < 0 then l else i in
      let smallest = if r < h.size && O.compare h.data.(r) h.data.(smallest) < 0 then r else smallest in
      if smallest <> i then (swap h.data i smallest; down smallest)
    in
    down 0;
    top
  let is_empty h = h.size = 0
end

module Timer = struct
  type t = { due : int; name : string }
  let compare a b = match compare a.due b.due with 0 -> compare a.name b.name | c -> c
end

module TH = Heap (Timer)
module IH = Heap (Int)

let () =
  let h = TH.create () in
  List.iter (fun (d, n) -> TH.push h { Timer.due = d; name = n })
    [ (50, "report"); (10, "blink"); (30, "sample"); (10, "adc"); (90, "sleep"); (20, "poll") ];
  while not (TH.is_empty h) do
    let t = TH.pop h in
    Printf.printf "t=%d %s\n" t.Timer.due t.Timer.name
  done;
  (try ignore (TH.pop h) with TH.Empty -> print_endline "no timers");
  let ih = IH.create () in
  let x = ref 7 in
  for _ = 1 to 40 do x := (!x * 31 + 11) mod 1000; IH.push ih !x done;
  let out = ref [] in
  while not (IH.is_empty ih) do out := IH.pop ih :: !out done;
  let l = List.rev !out in
  Printf.printf "%s\n" (String.concat " " (List.map string_of_int l));
  Printf.printf "sorted %b\n" (l = List.sort compare l)
