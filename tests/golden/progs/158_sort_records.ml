(* Sorting records by fields with custom comparators, stable sort preserving ties. *)
type emp = { name : string; dept : string; salary : int }
let emps = [
  { name = "ann"; dept = "eng"; salary = 120 }; { name = "bob"; dept = "ops"; salary = 90 };
  { name = "cid"; dept = "eng"; salary = 100 }; { name = "dee"; dept = "hr"; salary = 90 };
  { name = "eve"; dept = "ops"; salary = 110 }; { name = "fay"; dept = "eng"; salary = 100 } ]
let pr l = List.iter (fun e -> Printf.printf "%s/%s/%d " e.name e.dept e.salary) l; print_newline ()
let () =
  pr (List.stable_sort (fun a b -> compare a.salary b.salary) emps);
  pr (List.stable_sort (fun a b -> compare b.salary a.salary) emps);
  pr (List.sort (fun a b -> compare (a.dept, a.name) (b.dept, b.name)) emps);
  pr (List.sort compare emps)
let () =
  let depts = List.fold_left (fun acc e -> if List.mem e.dept acc then acc else e.dept :: acc) [] emps in
  List.iter (fun d ->
    let members = List.filter (fun e -> e.dept = d) emps in
    let total = List.fold_left (fun t e -> t + e.salary) 0 members in
    Printf.printf "%-4s %d people, total %d\n" d (List.length members) total) (List.sort compare depts)
