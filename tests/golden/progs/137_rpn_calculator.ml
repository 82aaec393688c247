(* An RPN calculator over a token list, with error handling. *)
exception Stack_underflow
type token = Num of int | Op of char
let tokenize s =
  let toks = ref [] and cur = ref "" in
  let flush () = if !cur <> "" then (toks := Num (int_of_string !cur) :: !toks; cur := "") in
  for i = 0 to String.length s - 1 do
    let c = s.[i] in
    if c >= '0' && c <= '9' then cur := !cur ^ String.make 1 c
    else begin flush (); if c <> ' ' then toks := Op c :: !toks end
  done;
  flush ();
  List.rev !toks
let eval toks =
  let step st t = match t, st with
    | Num n, _ -> n :: st
    | Op '+', b :: a :: r -> (a + b) :: r
    | Op '-', b :: a :: r -> (a - b) :: r
    | Op '*', b :: a :: r -> (a * b) :: r
    | Op '/', b :: a :: r -> (a / b) :: r
    | Op c, _ :: _ :: _ -> failwith ("unknown operator " ^ String.make 1 c)
    | Op _, _ -> raise Stack_underflow in
  match List.fold_left step [] toks with [x] -> x | _ -> failwith "bad expression"
let () =
  List.iter (fun s ->
    let r = try string_of_int (eval (tokenize s)) with
      | Stack_underflow -> "stack underflow"
      | Failure m -> "failure: " ^ m
      | Division_by_zero -> "division by zero" in
    Printf.printf "%s => %s\n" s r)
    ["3 4 +"; "5 1 2 + 4 * + 3 -"; "2 3 4 * +"; "1 +"; "4 0 /"; "1 2 3"; "6 2 %"; "100 7 / 7 *"]
