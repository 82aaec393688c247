(* A functional queue (two lists) and a mutable ring buffer. *)
type 'a queue = { front : 'a list; back : 'a list }
let empty = { front = []; back = [] }
let push x q = { q with back = x :: q.back }
let pop q = match q.front with
  | x :: f -> Some (x, { q with front = f })
  | [] -> (match List.rev q.back with [] -> None | x :: f -> Some (x, { front = f; back = [] }))
type ring = { data : int array; mutable head : int; mutable len : int }
let ring_push r x =
  let cap = Array.length r.data in
  if r.len = cap then failwith "full";
  r.data.((r.head + r.len) mod cap) <- x; r.len <- r.len + 1
let ring_pop r =
  if r.len = 0 then None
  else (let x = r.data.(r.head) in r.head <- (r.head + 1) mod Array.length r.data; r.len <- r.len - 1; Some x)
let () =
  let q = List.fold_left (fun q x -> push x q) empty [1; 2; 3] in
  let rec drain q = match pop q with None -> print_newline () | Some (x, q') -> print_int x; print_char ' '; drain q' in
  drain q;
  let q = push 4 (match pop q with Some (_, q) -> q | None -> q) in
  drain (push 5 q);
  let r = { data = Array.make 4 0; head = 0; len = 0 } in
  List.iter (ring_push r) [10; 20; 30];
  (match ring_pop r with Some x -> Printf.printf "popped %d\n" x | None -> ());
  List.iter (ring_push r) [40; 50];
  (try ring_push r 60 with Failure m -> print_endline m);
  let rec drain_r () = match ring_pop r with Some x -> Printf.printf "%d " x; drain_r () | None -> print_newline () in
  drain_r ()
