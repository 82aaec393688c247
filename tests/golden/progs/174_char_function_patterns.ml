(* function with char patterns: a tiny tokenizer. *)
type tok = Num of int | Ident of string | Sym of char
let is_digit = function '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' -> true | _ -> false
let is_alpha c = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c = '_'
let tokenize s =
  let n = String.length s in
  let rec go i acc =
    if i >= n then List.rev acc
    else match s.[i] with
      | ' ' | '\t' | '\n' -> go (i + 1) acc
      | c when is_digit c ->
          let j = ref i in
          while !j < n && is_digit s.[!j] do incr j done;
          go !j (Num (int_of_string (String.sub s i (!j - i))) :: acc)
      | c when is_alpha c ->
          let j = ref i in
          while !j < n && (is_alpha s.[!j] || is_digit s.[!j]) do incr j done;
          go !j (Ident (String.sub s i (!j - i)) :: acc)
      | c -> go (i + 1) (Sym c :: acc) in
  go 0 []
let show = function
  | Num n -> "Num " ^ string_of_int n
  | Ident s -> "Ident " ^ s
  | Sym '(' | Sym ')' -> "Paren"
  | Sym c -> "Sym " ^ String.make 1 c
let () =
  List.iter (fun s ->
    print_endline (String.concat " | " (List.map show (tokenize s))))
    ["let x1 = 42 + y"; "f(a, b_2)\t* 100"; ""; "  \n "; "a+b-c*d/e"]
