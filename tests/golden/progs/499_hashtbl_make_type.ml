(* Hashtbl.Make's type 'a t in annotations (it is (H.t, 'a) Hashtbl.t) *)
module IH = Hashtbl.Make (struct
  type t = int
  let equal = ( = )
  let hash x = x land max_int
end)

let table : string IH.t = IH.create 8

let count (t : string IH.t) = IH.length t

let () =
  IH.replace table 1 "one";
  IH.replace table 2 "two";
  IH.replace table 1 "uno";
  Printf.printf "%d %s %s\n" (count table) (IH.find table 1) (IH.find table 2);
  match IH.find_opt table 3 with
  | None -> print_endline "no 3"
  | Some s -> print_endline s
