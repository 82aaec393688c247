(* Live data of about 85 % of a 16 KB heap budget (tests/runtime/test_gc_heap.py): a list
   of 1,130 integers kept live while garbage is made. The mark-compact collector runs it;
   the copying one (half the budget at a time) runs out of memory. *)
let rec build n acc = if n = 0 then acc else build (n - 1) (n :: acc)

let live = build 1130 []

let () =
  let total = ref 0 in
  for i = 1 to 200 do
    let garbage = build 20 [] in
    total := !total + List.length garbage + i
  done;
  Printf.printf "%d %d\n" (List.fold_left ( + ) 0 live) !total
