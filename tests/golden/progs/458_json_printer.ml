(* A JSON value type, a compact printer with string escaping, a pretty printer with
   indentation into a Buffer, and a small query function *)
type json =
  | Null
  | Bool of bool
  | Int of int
  | Float of float
  | String of string
  | List of json list
  | Object of (string * json) list

let escape b s =
  Buffer.add_char b '"';
  String.iter
    (fun c ->
      match c with
      | '"' -> Buffer.add_string b "\\\""
      | '\\' -> Buffer.add_string b "\\\\"
      | '\n' -> Buffer.add_string b "\\n"
      | '\t' -> Buffer.add_string b "\\t"
      | c when Char.code c < 0x20 -> Buffer.add_string b (Printf.sprintf "\\u%04x" (Char.code c))
      | c -> Buffer.add_char b c)
    s;
  Buffer.add_char b '"'

let rec compact b = function
  | Null -> Buffer.add_string b "null"
  | Bool x -> Buffer.add_string b (string_of_bool x)
  | Int n -> Buffer.add_string b (string_of_int n)
  | Float f -> Buffer.add_string b (Printf.sprintf "%g" f)
  | String s -> escape b s
  | List l ->
    Buffer.add_char b '[';
    List.iteri (fun i v -> if i > 0 then Buffer.add_char b ','; compact b v) l;
    Buffer.add_char b ']'
  | Object kvs ->
    Buffer.add_char b '{';
    List.iteri (fun i (k, v) -> if i > 0 then Buffer.add_char b ','; escape b k; Buffer.add_char b ':'; compact b v) kvs;
    Buffer.add_char b '}'

let to_string j = let b = Buffer.create 64 in compact b j; Buffer.contents b

let rec pretty b indent = function
  | List [] -> Buffer.add_string b "[]"
  | Object [] -> Buffer.add_string b "{}"
  | List l ->
    Buffer.add_string b "[\n";
    let n = List.length l in
    List.iteri
      (fun i v ->
        Buffer.add_string b (String.make (indent + 2) ' ');
        pretty b (indent + 2) v;
        if i < n - 1 then Buffer.add_char b ',';
        Buffer.add_char b '\n')
      l;
    Buffer.add_string b (String.make indent ' ' ^ "]")
  | Object kvs ->
    Buffer.add_string b "{\n";
    let n = List.length kvs in
    List.iteri
      (fun i (k, v) ->
        Buffer.add_string b (String.make (indent + 2) ' ');
        escape b k;
        Buffer.add_string b ": ";
        pretty b (indent + 2) v;
        if i < n - 1 then Buffer.add_char b ',';
        Buffer.add_char b '\n')
      kvs;
    Buffer.add_string b (String.make indent ' ' ^ "}")
  | scalar -> compact b scalar

let rec member path j =
  match path, j with
  | [], _ -> Some j
  | k :: rest, Object kvs -> Option.bind (List.assoc_opt k kvs) (member rest)
  | k :: rest, List l -> (
    match int_of_string_opt k with
    | Some i when i >= 0 && i < List.length l -> member rest (List.nth l i)
    | _ -> None)
  | _ -> None

let doc =
  Object
    [ ("device", String "node-7");
      ("online", Bool true);
      ("uptime", Int 86400);
      ("temp", Float 21.5);
      ("tags", List [ String "a\"b"; String "tab\there"; String "\001ctl" ]);
      ("readings", List [ Object [ ("t", Int 1); ("v", Float 0.25) ]; Object [ ("t", Int 2); ("v", Null) ] ]);
      ("empty", Object []);
      ("none", List []) ]

let () =
  print_endline (to_string doc);
  let b = Buffer.create 256 in
  pretty b 0 doc;
  print_endline (Buffer.contents b);
  List.iter
    (fun p ->
      Printf.printf "%s -> %s\n" (String.concat "." p)
        (match member p doc with None -> "missing" | Some v -> to_string v))
    [ [ "device" ]; [ "readings"; "1"; "t" ]; [ "readings"; "5" ]; [ "tags"; "0" ]; [ "uptime"; "x" ] ];
  Printf.printf "length %d\n" (String.length (to_string doc))
