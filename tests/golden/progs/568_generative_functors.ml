(* generative functors: module F () = struct ... end, applied as F () *)
let created = ref 0

module Counter () = struct
  let () = incr created
  let id = !created
  let count = ref 0
  let next () = incr count; !count
end

module Never () = struct
  let boom = assert false
end

module A = Counter ()
module B = Counter ()

module Tagged (X : sig val tag : string end) () = struct
  let show n = X.tag ^ string_of_int n
end

module T = Tagged (struct let tag = "t" end) ()

module Gen = functor () -> struct
  type t = int
  let zero : t = 0
end
module G = Gen ()

let () =
  ignore (A.next ());
  ignore (A.next ());
  ignore (B.next ());
  Printf.printf "A %d %d, B %d %d, created %d\n" A.id !A.count B.id !B.count !created;
  print_endline (T.show 5);
  print_int G.zero;
  print_newline ()
