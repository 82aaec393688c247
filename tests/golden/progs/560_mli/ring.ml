type 'a t = {
  data : 'a array;
  mutable head : int;
  mutable len : int;
  mutable dropped : int;
}

exception Empty

type stats = { count : int; dropped : int }

let create n x = { data = Array.make n x; head = 0; len = 0; dropped = 0 }

(* not in the interface: invisible to the other files *)
let capacity r = Array.length r.data

let push r x =
  let cap = capacity r in
  if r.len = cap then begin
    r.head <- (r.head + 1) mod cap;
    r.len <- r.len - 1;
    r.dropped <- r.dropped + 1
  end;
  r.data.((r.head + r.len) mod cap) <- x;
  r.len <- r.len + 1

let pop r =
  if r.len = 0 then raise Empty;
  let x = r.data.(r.head) in
  r.head <- (r.head + 1) mod capacity r;
  r.len <- r.len - 1;
  x

let length r = r.len

let to_list r = List.init r.len (fun i -> r.data.((r.head + i) mod capacity r))

let stats (r : 'a t) = { count = r.len; dropped = r.dropped }
