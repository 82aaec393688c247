(* Format: printf/fprintf/sprintf/asprintf with %a, @. @\n, break hints and boxes (Sense
   prints them flat, which is what OCaml prints for lines that fit), pp_print_ functions,
   formatters of buffers, `open Format` *)
type point = { x : int; y : int }
let pp_point ppf p = Format.fprintf ppf "(%d,@ %d)" p.x p.y
let pp_list pp ppf l = Format.pp_print_list ~pp_sep:(fun ppf () -> Format.fprintf ppf ";@ ") pp ppf l
type expr = Num of int | Add of expr * expr | Mul of expr * expr
let rec pp_expr ppf = function
  | Num n -> Format.pp_print_int ppf n
  | Add (a, b) -> Format.fprintf ppf "@[<hov 1>(%a +@ %a)@]" pp_expr a pp_expr b
  | Mul (a, b) -> Format.fprintf ppf "@[(%a *@ %a)@]" pp_expr a pp_expr b
let () =
  Format.printf "Hello %s@." "world";
  Format.printf "%d + %d = %d@\n" 1 2 3;
  Format.printf "@[point %a@]@." pp_point { x = 1; y = 2 };
  Format.printf "@[<hov 2>list: [%a]@]@." (pp_list pp_point) [ { x = 1; y = 2 }; { x = 3; y = 4 } ];
  let s = Format.asprintf "%a and %s" pp_expr (Add (Num 1, Mul (Num 2, Num 3))) "more" in
  print_endline s;
  let t = Format.sprintf "%5d|%-4s|%.2f" 42 "ab" 3.14159 in
  print_endline t;
  Format.pp_print_string Format.std_formatter "direct";
  Format.pp_print_newline Format.std_formatter ();
  Format.printf "%a@." (Format.pp_print_option ~none:(fun ppf () -> Format.pp_print_string ppf "none") Format.pp_print_int) None;
  Format.printf "%a@." (Format.pp_print_option Format.pp_print_int) (Some 5);
  Format.fprintf Format.std_formatter "50%% @@ home@.";
  let b = Buffer.create 16 in
  let ppf = Format.formatter_of_buffer b in
  Format.fprintf ppf "%d-%d" 4 5;
  Format.pp_print_flush ppf ();
  print_endline (Buffer.contents b);
  Format.printf "%s %b %c %F@." "x" true 'z' 1.5;
  let print_all = List.iter (Format.printf "<%d>") in
  print_all [ 1; 2; 3 ];
  Format.printf "@."
let () =
  let open Format in
  printf "opened %d@." 7;
  printf "@[%a@]@." pp_print_text "some text"
