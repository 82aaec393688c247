(* N-queens: count solutions and print the first one for small boards. *)
let safe qs col =
  let rec check qs d = match qs with
    | [] -> true
    | q :: rest -> q <> col && abs (q - col) <> d && check rest (d + 1) in
  check qs 1
let rec solve n row qs =
  if row = n then 1
  else begin
    let count = ref 0 in
    for col = 0 to n - 1 do
      if safe qs col then count := !count + solve n (row + 1) (col :: qs)
    done;
    !count
  end
let rec first n row qs =
  if row = n then Some (List.rev qs)
  else
    let rec try_col c = if c = n then None else
      if safe qs c then (match first n (row + 1) (c :: qs) with Some s -> Some s | None -> try_col (c + 1))
      else try_col (c + 1) in
    try_col 0
let () =
  for n = 1 to 8 do Printf.printf "%d queens: %d solutions\n" n (solve n 0 []) done;
  match first 6 0 [] with
  | Some s ->
      List.iter (fun c -> for i = 0 to 5 do print_char (if i = c then 'Q' else '.') done; print_newline ()) s
  | None -> print_endline "none"
