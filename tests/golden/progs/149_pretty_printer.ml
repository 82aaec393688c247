(* A JSON-like value type with a pretty printer. *)
type json =
  | Null
  | Bool of bool
  | Int of int
  | Str of string
  | List of json list
  | Obj of (string * json) list
let rec to_string j = match j with
  | Null -> "null"
  | Bool b -> string_of_bool b
  | Int n -> string_of_int n
  | Str s -> "\"" ^ s ^ "\""
  | List l -> "[" ^ String.concat ", " (List.map to_string l) ^ "]"
  | Obj kvs -> "{" ^ String.concat ", " (List.map (fun (k, v) -> "\"" ^ k ^ "\": " ^ to_string v) kvs) ^ "}"
let rec pretty indent j = match j with
  | List (_ :: _ as l) ->
      print_endline "[";
      List.iteri (fun i v ->
        print_string (String.make (indent + 2) ' ');
        pretty (indent + 2) v;
        print_endline (if i < List.length l - 1 then "," else "")) l;
      print_string (String.make indent ' ' ^ "]")
  | Obj (_ :: _ as kvs) ->
      print_endline "{";
      List.iteri (fun i (k, v) ->
        print_string (String.make (indent + 2) ' ' ^ "\"" ^ k ^ "\": ");
        pretty (indent + 2) v;
        print_endline (if i < List.length kvs - 1 then "," else "")) kvs;
      print_string (String.make indent ' ' ^ "}")
  | _ -> print_string (to_string j)
let rec count j = match j with
  | List l -> 1 + List.fold_left (fun a x -> a + count x) 0 l
  | Obj kvs -> 1 + List.fold_left (fun a (_, x) -> a + count x) 0 kvs
  | _ -> 1
let () =
  let doc = Obj [("name", Str "sense"); ("version", Int 1); ("tags", List [Str "vm"; Str "iot"]);
                 ("meta", Obj [("ok", Bool true); ("none", Null); ("empty", List []); ("e", Obj [])])] in
  print_endline (to_string doc);
  pretty 0 doc;
  print_newline ();
  Printf.printf "%d nodes\n" (count doc)
