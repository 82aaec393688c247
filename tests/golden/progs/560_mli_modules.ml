(* golden-modules: 560_mli/ring.ml 560_mli/filter.ml *)
(* .mli files: Ring's type is abstract, its helper hidden; Filter uses Ring through its
   interface; this file sees both through theirs. *)
let () =
  let r = Ring.create 4 0 in
  List.iter (Ring.push r) [ 10; 20; 30; 40; 50; 60 ];
  Printf.printf "len %d avg %d %s\n" (Ring.length r) (Filter.average r)
    (Filter.describe string_of_int r);
  let s = Ring.stats r in
  Printf.printf "count %d dropped %d\n" s.Ring.count s.Ring.dropped;
  Printf.printf "pop %d\n" (Ring.pop r);
  let names = Ring.create 2 "" in
  Ring.push names "a";
  Ring.push names "b";
  Ring.push names "c";
  print_endline (Filter.describe (fun s -> s) names);
  ignore (Ring.pop names);
  ignore (Ring.pop names);
  match Ring.pop names with
  | _ -> print_endline "not empty?"
  | exception Ring.Empty -> print_endline "empty"
