(* A functor's body sees the structure it is defined in — types, values, constructors
   and modules declared before it — wherever it is applied (tests/golden/known/BUGS.md B2). *)
module Store = struct
  type 'a box = { v : 'a; mutable hits : int }
  type status = Fresh | Used of int
  exception Empty_store
  let get b = b.hits <- b.hits + 1; b.v
  let status b = if b.hits = 0 then Fresh else Used b.hits
  module Util = struct let twice f x = f (f x) end

  module Make (X : sig type t val init : t val show : t -> string end) = struct
    type t = X.t box
    let make () : t = { v = X.init; hits = 0 }
    let read (b : t) = get b
    let describe (b : t) =
      match status b with
      | Fresh -> "fresh " ^ X.show b.v
      | Used n -> Printf.sprintf "used %d times: %s" n (X.show (Util.twice (fun x -> x) b.v))
    let first = function [] -> raise Empty_store | b :: _ -> read b
  end
end

module Ints = Store.Make (struct type t = int let init = 42 let show = string_of_int end)
module Names = Store.Make (struct type t = string let init = "none" let show s = s end)

let () =
  let b = Ints.make () in
  print_endline (Ints.describe b);
  print_int (Ints.read b + Ints.read b);
  print_newline ();
  print_endline (Ints.describe b);
  let n = Names.make () in
  print_endline (Names.first [ n ]);
  print_endline (Names.describe n);
  match Names.first [] with
  | _ -> ()
  | exception Store.Empty_store -> print_endline "empty"
