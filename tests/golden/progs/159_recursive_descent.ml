(* A recursive-descent parser and evaluator for integer arithmetic with precedence. *)
exception Parse_error of string * int
let parse_eval s =
  let pos = ref 0 in
  let n = String.length s in
  let rec skip () = if !pos < n && s.[!pos] = ' ' then (incr pos; skip ()) in
  let peek () = skip (); if !pos < n then Some s.[!pos] else None in
  let rec expr () =
    let v = ref (term ()) in
    let continue = ref true in
    while !continue do
      match peek () with
      | Some '+' -> incr pos; v := !v + term ()
      | Some '-' -> incr pos; v := !v - term ()
      | _ -> continue := false
    done;
    !v
  and term () =
    let v = ref (factor ()) in
    let continue = ref true in
    while !continue do
      match peek () with
      | Some '*' -> incr pos; v := !v * factor ()
      | Some '/' -> incr pos; v := !v / factor ()
      | _ -> continue := false
    done;
    !v
  and factor () =
    match peek () with
    | Some '(' -> incr pos; let v = expr () in
        (match peek () with Some ')' -> incr pos; v | _ -> raise (Parse_error ("expected )", !pos)))
    | Some '-' -> incr pos; - (factor ())
    | Some c when c >= '0' && c <= '9' ->
        let v = ref 0 in
        while !pos < n && s.[!pos] >= '0' && s.[!pos] <= '9' do
          v := !v * 10 + (Char.code s.[!pos] - 48); incr pos
        done;
        !v
    | _ -> raise (Parse_error ("unexpected input", !pos)) in
  let v = expr () in
  if peek () <> None then raise (Parse_error ("trailing input", !pos));
  v
let () =
  List.iter (fun s ->
    try Printf.printf "%s = %d\n" s (parse_eval s) with
    | Parse_error (m, p) -> Printf.printf "%s: parse error at %d: %s\n" s p m
    | Division_by_zero -> Printf.printf "%s: division by zero\n" s)
    ["1 + 2 * 3"; "(1 + 2) * 3"; "10 - 4 - 3"; "2 * (3 + 4) * 5"; "-3 * -(2 + 1)"; "100 / 7 / 2";
     "((42))"; "1 +"; "(1 + 2"; "1 2"; "8 / (4 - 4)"; "  7  "]
