(* Modules with signatures: an abstract counter, a bounded stack whose representation is
   hidden, a units module with manifest types, include and nested modules *)
module type COUNTER = sig
  type t
  val zero : t
  val incr : t -> t
  val value : t -> int
end

module Counter : COUNTER = struct
  type t = int
  let zero = 0
  let incr n = n + 1
  let value n = n
end

module type BOUNDED_STACK = sig
  type 'a t
  exception Overflow
  val create : int -> 'a t
  val push : 'a -> 'a t -> unit
  val pop : 'a t -> 'a option
  val size : 'a t -> int
end

module Bounded : BOUNDED_STACK = struct
  type 'a t = { mutable items : 'a list; mutable n : int; cap : int }
  exception Overflow
  let create cap = { items = []; n = 0; cap }
  let push x s = if s.n = s.cap then raise Overflow else (s.items <- x :: s.items; s.n <- s.n + 1)
  let pop s = match s.items with [] -> None | x :: r -> s.items <- r; s.n <- s.n - 1; Some x
  let size s = s.n
end

module Units = struct
  type celsius = float
  type fahrenheit = float
  let to_f (c : celsius) : fahrenheit = (c *. 9. /. 5.) +. 32.
  let to_c (f : fahrenheit) : celsius = (f -. 32.) *. 5. /. 9.
  module Pretty = struct
    let c x = Printf.sprintf "%.1fC" x
    let f x = Printf.sprintf "%.1fF" x
  end
end

module Extended = struct
  include Units
  let boiling = to_f 100.
end

let () =
  let c = Counter.(incr (incr (incr zero))) in
  Printf.printf "counter %d\n" (Counter.value c);
  let s = Bounded.create 3 in
  (try List.iter (fun x -> Bounded.push x s) [ 1; 2; 3; 4 ] with Bounded.Overflow -> print_endline "overflow");
  Printf.printf "size %d\n" (Bounded.size s);
  let rec drain acc = match Bounded.pop s with None -> List.rev acc | Some x -> drain (x :: acc) in
  Printf.printf "drained [%s]\n" (String.concat "; " (List.map string_of_int (drain [])));
  let open Units in
  Printf.printf "%s = %s\n" (Pretty.c 37.) (Pretty.f (to_f 37.));
  Printf.printf "%s\n" Units.Pretty.(c (to_c 212.));
  Printf.printf "boiling %s\n" (Extended.Pretty.f Extended.boiling);
  print_endline (Printexc.to_string Bounded.Overflow)
