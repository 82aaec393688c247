(* Mutually recursive record and variant types. *)
type dept = { dname : string; mutable staff : person list }
and person = { pname : string; age : int; dept : dept option; role : role }
and role = Engineer of int | Manager of person list | Intern
let () =
  let d = { dname = "R&D"; staff = [] } in
  let a = { pname = "ann"; age = 31; dept = Some d; role = Engineer 3 } in
  let b = { pname = "bo"; age = 22; dept = Some d; role = Intern } in
  let c = { pname = "cy"; age = 45; dept = Some d; role = Manager [a; b] } in
  d.staff <- [a; b; c];
  let rec describe p = match p.role with
    | Engineer lvl -> Printf.sprintf "%s (engineer L%d)" p.pname lvl
    | Intern -> p.pname ^ " (intern)"
    | Manager reports -> Printf.sprintf "%s (manager of %s)" p.pname (String.concat ", " (List.map describe reports)) in
  List.iter (fun p -> print_endline (describe p)) d.staff;
  let total = List.fold_left (fun acc p -> acc + p.age) 0 d.staff in
  Printf.printf "%s: %d people, total age %d\n" d.dname (List.length d.staff) total;
  (match c.dept with Some dd -> Printf.printf "cy works in %s with %d others\n" dd.dname (List.length dd.staff - 1) | None -> ());
  Printf.printf "%b\n" (a.role = Engineer 3)
