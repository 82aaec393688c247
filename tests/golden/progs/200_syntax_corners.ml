(* Lexical and syntactic corners: comments containing "*)" inside strings and nested
   (* comments *), a char '"' in a comment; ;; separators and top-level expressions;
   operators without spaces; string line continuations and literal newlines; trailing
   semicolons; complex type expressions; top-level tuple patterns. *)
type t = (int * string) option array
let apply2 (f : int -> (int -> int) -> int) = f 1 (fun y -> y * 10)
let x = 1;;
let y = x + 1;;
print_int y;;
print_newline ();;
let (a, b) = (3, 4)
let () =
  let arr = [|1;2;|] and r = ref 0 in
  arr.(0)<-5; r:=!r+1;
  print_int(arr.(0)+ !r-1); print_char ' ';
  print_int (1+2*3-4/2); print_char ' ';
  print_int(-1); print_char ' ';
  print_int (abs(-3)); print_newline ();
  print_string "abc\
                def\n";
  print_string "multi
line\n";
  let v : t = [| Some (1, "a"); None; |] in
  Printf.printf "%d %d %d\n" (Array.length v) (apply2 (fun p g -> g p + 1)) (a * b);
  let l = [1; 2; 3;] in
  match l with
  | [] -> ()
  | h :: _ -> Printf.printf "%d %d\n" h (List.length l)
