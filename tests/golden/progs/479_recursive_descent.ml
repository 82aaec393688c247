(* A tokenizer and a recursive-descent parser for arithmetic with precedence, unary minus,
   parentheses and errors with positions *)
type token = INT of int | PLUS | MINUS | STAR | SLASH | LPAREN | RPAREN | POW | EOF

exception Syntax of int * string

let tokenize s =
  let n = String.length s in
  let rec go i acc =
    if i >= n then List.rev ((EOF, i) :: acc)
    else
      match s.[i] with
      | ' ' | '\t' -> go (i + 1) acc
      | '0' .. '9' ->
        let j = ref i in
        while !j < n && s.[!j] >= '0' && s.[!j] <= '9' do incr j done;
        go !j ((INT (int_of_string (String.sub s i (!j - i))), i) :: acc)
      | '+' -> go (i + 1) ((PLUS, i) :: acc)
      | '-' -> go (i + 1) ((MINUS, i) :: acc)
      | '*' -> go (i + 1) ((STAR, i) :: acc)
      | '/' -> go (i + 1) ((SLASH, i) :: acc)
      | '^' -> go (i + 1) ((POW, i) :: acc)
      | '(' -> go (i + 1) ((LPAREN, i) :: acc)
      | ')' -> go (i + 1) ((RPAREN, i) :: acc)
      | c -> raise (Syntax (i, Printf.sprintf "unexpected %C" c))
  in
  go 0 []

let parse s =
  let toks = ref (tokenize s) in
  let peek () = fst (List.hd !toks) and pos () = snd (List.hd !toks) in
  let advance () = toks := List.tl !toks in
  let rec expr () =
    let rec loop acc =
      match peek () with
      | PLUS -> advance (); loop (acc + term ())
      | MINUS -> advance (); loop (acc - term ())
      | _ -> acc
    in
    loop (term ())
  and term () =
    let rec loop acc =
      match peek () with
      | STAR -> advance (); loop (acc * power ())
      | SLASH ->
        let p = pos () in
        advance ();
        let d = power () in
        if d = 0 then raise (Syntax (p, "division by zero")) else loop (acc / d)
      | _ -> acc
    in
    loop (power ())
  and power () =
    let b = unary () in
    match peek () with
    | POW -> advance (); let e = power () in let r = ref 1 in for _ = 1 to e do r := !r * b done; !r
    | _ -> b
  and unary () = match peek () with MINUS -> advance (); - unary () | _ -> atom ()
  and atom () =
    match peek () with
    | INT n -> advance (); n
    | LPAREN ->
      advance ();
      let v = expr () in
      if peek () <> RPAREN then raise (Syntax (pos (), "expected )"));
      advance ();
      v
    | _ -> raise (Syntax (pos (), "expected a number or ("))
  in
  let v = expr () in
  if peek () <> EOF then raise (Syntax (pos (), "trailing input"));
  v

let () =
  List.iter
    (fun s ->
      match parse s with
      | v -> Printf.printf "%-22s = %d\n" s v
      | exception Syntax (p, m) -> Printf.printf "%-22s : error at %d: %s\n" s p m)
    [ "1 + 2 * 3"; "(1 + 2) * 3"; "2 ^ 3 ^ 2"; "-2 ^ 2"; "100 / 7 / 2"; "10 - 4 - 3"; "8 / (4 - 4)"; "(1 + 2";
      "1 + * 2"; "3 $ 4"; "42 42"; "--5"; "  ( ( 7 ) )  " ]
