(* the Stdlib path: Stdlib.x is the stdlib's x even where the program rebinds x *)
let compare a b = Stdlib.compare b a
let ( + ) a b = Stdlib.( + ) (Stdlib.( * ) a 10) b
let print_int n = Stdlib.print_string ("<" ^ string_of_int n ^ ">")

module IntMap = Map.Make (struct
  type t = int
  let compare = Stdlib.compare
end)

let () =
  print_int (compare 1 2);
  print_int (Stdlib.compare 1 2);
  print_int (1 + 2);
  Stdlib.print_int (Stdlib.( + ) 1 2);
  Stdlib.print_newline ();
  let m = IntMap.add 2 "b" (IntMap.add 1 "a" IntMap.empty) in
  IntMap.iter (fun k v -> Stdlib.Printf.printf "%d=%s " k v) m;
  print_newline ();
  let sorted = Stdlib.List.sort Stdlib.compare [ 3; 1; 2 ] in
  Stdlib.List.iter Stdlib.print_int sorted;
  Stdlib.print_newline ();
  let r : int Stdlib.ref = Stdlib.ref 5 in
  Stdlib.incr r;
  Stdlib.print_endline (Stdlib.string_of_int !r);
  Stdlib.print_endline (Stdlib.String.concat "," [ "x"; "y" ]);
  (try Stdlib.raise Stdlib.Exit with Stdlib.Exit -> Stdlib.print_endline "exit");
  Stdlib.Printf.printf "%s %d\n" (Stdlib.Int.to_string (Stdlib.Int.max 3 4)) (Stdlib.max 1 9);
  Stdlib.print_endline (Stdlib.( ^ ) "con" "cat");
  let open Stdlib in
  print_int (List.length [ 1; 2 ])

module List = struct
  let length _ = -1
end

let () =
  Stdlib.print_newline ();
  Stdlib.print_int (Stdlib.List.length [ 1; 2 ]);
  Stdlib.print_int (List.length [ 1 ]);
  Stdlib.print_newline ()
