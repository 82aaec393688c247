(* Insertion sort and bubble sort on arrays with while loops. *)
let insertion_sort a =
  for i = 1 to Array.length a - 1 do
    let key = a.(i) in
    let j = ref (i - 1) in
    while !j >= 0 && a.(!j) > key do
      a.(!j + 1) <- a.(!j);
      decr j
    done;
    a.(!j + 1) <- key
  done
let bubble_sort a =
  let swapped = ref true and passes = ref 0 in
  while !swapped do
    swapped := false;
    incr passes;
    for i = 0 to Array.length a - 2 do
      if a.(i) > a.(i + 1) then begin
        let t = a.(i) in a.(i) <- a.(i + 1); a.(i + 1) <- t; swapped := true
      end
    done
  done;
  !passes
let show a = print_endline (String.concat " " (Array.to_list (Array.map string_of_int a)))
let () =
  let a = [| 9; 4; 7; 1; 8; 2; 2; 6; 0; 3 |] in
  let b = Array.copy a in
  insertion_sort a; show a;
  let p = bubble_sort b in show b;
  Printf.printf "passes %d\n" p;
  let c = [| "pear"; "fig"; "apple" |] in
  insertion_sort c;
  print_endline (String.concat " " (Array.to_list c))
