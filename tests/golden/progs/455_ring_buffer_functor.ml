(* A fixed-capacity ring buffer behind a signature, built by a functor over the element *)
module type ELT = sig
  type t
  val dummy : t
  val show : t -> string
end

module type RING = sig
  type elt
  type t
  exception Full
  exception Empty
  val create : int -> t
  val push : t -> elt -> unit
  val push_overwrite : t -> elt -> unit
  val pop : t -> elt
  val length : t -> int
  val to_list : t -> elt list
  val show : t -> string
end

module Ring (E : ELT) : RING with type elt = E.t = struct
  type elt = E.t
  type t = { data : elt array; mutable head : int; mutable len : int }
  exception Full
  exception Empty
  let create n = { data = Array.make n E.dummy; head = 0; len = 0 }
  let cap r = Array.length r.data
  let push r x =
    if r.len = cap r then raise Full;
    r.data.((r.head + r.len) mod cap r) <- x;
    r.len <- r.len + 1
  let pop r =
    if r.len = 0 then raise Empty;
    let x = r.data.(r.head) in
    r.head <- (r.head + 1) mod cap r;
    r.len <- r.len - 1;
    x
  let push_overwrite r x =
    if r.len = cap r then ignore (pop r);
    push r x
  let length r = r.len
  let to_list r = List.init r.len (fun i -> r.data.((r.head + i) mod cap r))
  let show r = "[" ^ String.concat " " (List.map E.show (to_list r)) ^ "]"
end

module IntRing = Ring (struct type t = int let dummy = 0 let show = string_of_int end)
module StrRing = Ring (struct type t = string let dummy = "" let show s = "'" ^ s ^ "'" end)

let () =
  let r = IntRing.create 4 in
  for i = 1 to 4 do IntRing.push r (i * 10) done;
  print_endline (IntRing.show r);
  (try IntRing.push r 50 with IntRing.Full -> print_endline "full");
  Printf.printf "pop %d\n" (IntRing.pop r);
  IntRing.push r 50;
  print_endline (IntRing.show r);
  for i = 6 to 9 do IntRing.push_overwrite r (i * 10) done;
  print_endline (IntRing.show r);
  let drained = ref [] in
  (try while true do drained := IntRing.pop r :: !drained done with IntRing.Empty -> ());
  Printf.printf "drained %s, length %d\n" (String.concat "," (List.rev_map string_of_int !drained)) (IntRing.length r);
  let s = StrRing.create 2 in
  List.iter (StrRing.push_overwrite s) [ "a"; "b"; "c" ];
  print_endline (StrRing.show s);
  match StrRing.pop s with
  | x -> Printf.printf "got %s\n" x
  | exception StrRing.Empty -> print_endline "empty"
