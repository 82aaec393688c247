(* Functors with `with type` constraints, abstract types exposed through the functor's
   result signature, a functor taking two modules, and module aliases *)
module type KEY = sig
  type t
  val compare : t -> t -> int
  val show : t -> string
end

module type STORE = sig
  type key
  type 'a t
  val empty : 'a t
  val put : key -> 'a -> 'a t -> 'a t
  val get : key -> 'a t -> 'a option
  val dump : ('a -> string) -> 'a t -> string
end

module MakeStore (K : KEY) : STORE with type key = K.t = struct
  type key = K.t
  type 'a t = (key * 'a) list
  let empty = []
  let rec put k v = function
    | [] -> [ (k, v) ]
    | (k', v') :: rest as l ->
      let c = K.compare k k' in
      if c = 0 then (k, v) :: rest else if c < 0 then (k, v) :: l else (k', v') :: put k v rest
  let get k l = List.assoc_opt k (List.map (fun (k', v) -> (k', v)) (List.filter (fun (k', _) -> K.compare k k' = 0) l))
  let dump show l = String.concat " " (List.map (fun (k, v) -> K.show k ^ "->" ^ show v) l)
end

module IntKey = struct type t = int let compare = compare let show = string_of_int end
module RevStr = struct type t = string let compare a b = compare b a let show s = s end

module IS = MakeStore (IntKey)
module RS = MakeStore (RevStr)
module Store = IS

module Join (A : STORE) (B : STORE with type key = A.key) = struct
  let both k a b = match A.get k a, B.get k b with Some x, Some y -> Some (x, y) | _ -> None
end

module J = Join (IS) (MakeStore (IntKey))

let () =
  let s = IS.(empty |> put 3 "c" |> put 1 "a" |> put 2 "b" |> put 1 "A") in
  print_endline (IS.dump (fun x -> x) s);
  Printf.printf "%s %s\n" (Option.value (IS.get 2 s) ~default:"-") (Option.value (Store.get 9 s) ~default:"-");
  let r = RS.(empty |> put "apple" 1 |> put "cherry" 3 |> put "banana" 2) in
  print_endline (RS.dump string_of_int r);
  let t = IS.(empty |> put 1 1.5 |> put 2 2.5) in
  (match J.both 1 s t with Some (a, b) -> Printf.printf "%s %.1f\n" a b | None -> print_endline "none");
  (match J.both 3 s t with Some _ -> print_endline "?" | None -> print_endline "3: none")
