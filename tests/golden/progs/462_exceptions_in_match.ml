(* Exceptions in match: `match … with exception`, local exceptions for early exit,
   Fun.protect with a finaliser, re-raising, exceptions carrying data *)
exception Parse_error of string * int

type size = Big of int | Small of int | Missing

let parse_int s pos =
  match int_of_string (String.trim s) with
  | n -> n
  | exception Failure _ -> raise (Parse_error (s, pos))

let parse_csv line =
  String.split_on_char ',' line |> List.mapi (fun i s -> parse_int s i)

let find_first_negative l =
  let exception Found of int in
  try
    List.iter (fun x -> if x < 0 then raise (Found x)) l;
    None
  with Found x -> Some x

let lookup tbl k =
  match List.assoc k tbl with
  | v when v > 100 -> Big v
  | v -> Small v
  | exception Not_found -> Missing

let log = ref []
let with_resource name f =
  Fun.protect ~finally:(fun () -> log := ("close " ^ name) :: !log) (fun () ->
      log := ("open " ^ name) :: !log;
      f name)

let () =
  List.iter
    (fun line ->
      match parse_csv line with
      | l -> Printf.printf "%S -> sum %d\n" line (List.fold_left ( + ) 0 l)
      | exception Parse_error (s, i) -> Printf.printf "%S -> bad field %d (%S)\n" line i s)
    [ "1,2,3"; " 10 , 20"; "4,x,5"; ""; "7" ];
  List.iter
    (fun l ->
      match find_first_negative l with
      | Some x -> Printf.printf "first negative %d\n" x
      | None -> print_endline "no negative")
    [ [ 1; 2; -3; -4 ]; [ 5 ]; [] ];
  let tbl = [ ("a", 5); ("b", 500) ] in
  List.iter
    (fun k ->
      match lookup tbl k with
      | Big v -> Printf.printf "%s big %d\n" k v
      | Small v -> Printf.printf "%s small %d\n" k v
      | Missing -> Printf.printf "%s missing\n" k)
    [ "a"; "b"; "c" ];
  let r = with_resource "uart" (fun n -> String.length n) in
  Printf.printf "result %d\n" r;
  (match with_resource "spi" (fun _ -> failwith "bus error") with
   | _ -> print_endline "no error?"
   | exception Failure m -> Printf.printf "caught %s\n" m);
  List.iter print_endline (List.rev !log);
  let safe_div a b = match a / b with q -> Ok q | exception Division_by_zero -> Error "div by zero" in
  List.iter
    (fun (a, b) -> match safe_div a b with Ok q -> Printf.printf "%d/%d=%d\n" a b q | Error e -> print_endline e)
    [ (10, 3); (1, 0); (-9, 2) ];
  let rec retry n f = match f n with v -> v | exception Exit when n < 3 -> retry (n + 1) f in
  Printf.printf "retry -> %d\n" (retry 0 (fun n -> if n < 2 then raise Exit else n * 10))
