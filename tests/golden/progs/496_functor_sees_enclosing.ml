(* B2 (tests/golden/known/BUGS.md): a functor body does not see the types/values of the structure around it *)
module A = struct
  type 'a box = { v : 'a }
  let get b = b.v
  module F (X : sig type t val x : t end) = struct
    type t = X.t box
    let make () : t = { v = X.x }
    let read (b : t) = get b
  end
end
module I = A.F (struct type t = int let x = 42 end)
let () = print_int (I.read (I.make ())); print_newline ()
