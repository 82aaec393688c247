(* A ring buffer module behind a signature, a functor adding statistics, optional arguments. *)
module type RING = sig
  type 'a t
  val create : ?capacity:int -> 'a -> 'a t
  val push : 'a t -> 'a -> unit
  val to_list : 'a t -> 'a list
  val length : 'a t -> int
end

module Ring : RING = struct
  type 'a t = { data : 'a array; mutable start : int; mutable len : int }
  let create ?(capacity = 4) fill = { data = Array.make capacity fill; start = 0; len = 0 }
  let push r x =
    let cap = Array.length r.data in
    if r.len < cap then begin
      r.data.((r.start + r.len) mod cap) <- x;
      r.len <- r.len + 1
    end else begin
      r.data.(r.start) <- x;
      r.start <- (r.start + 1) mod cap
    end
  let to_list r = List.init r.len (fun i -> r.data.((r.start + i) mod Array.length r.data))
  let length r = r.len
end

module Stats (R : RING) = struct
  let mean r =
    match R.to_list r with
    | [] -> 0
    | l -> List.fold_left ( + ) 0 l / R.length r
  let window ?(label = "window") r =
    Printf.sprintf "%s[%s] mean=%d" label (String.concat ";" (List.map string_of_int (R.to_list r))) (mean r)
end

module S = Stats (Ring)

let () =
  let r = Ring.create 0 in
  List.iter (fun x -> Ring.push r x; print_endline (S.window r)) [ 10; 20; 30; 40; 50; 60 ];
  let r3 = Ring.create ~capacity:3 0 in
  List.iter (Ring.push r3) [ 1; 2; 3; 4 ];
  print_endline (S.window ~label:"r3" r3)
