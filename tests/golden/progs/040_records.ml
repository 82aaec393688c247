(* Records: creation, field access, functional update. *)
type person = { name : string; age : int; email : string }
type vec = { x : float; y : float }
let older p = { p with age = p.age + 1 }
let add a b = { x = a.x +. b.x; y = a.y +. b.y }
let () =
  let alice = { name = "Alice"; age = 30; email = "alice@example.com" } in
  let bob = { age = 25; email = "bob@example.com"; name = "Bob" } in
  Printf.printf "%s %d %s\n" alice.name alice.age alice.email;
  Printf.printf "%s %d %s\n" bob.name bob.age bob.email;
  let a2 = older (older alice) in
  Printf.printf "%s is now %d (was %d)\n" a2.name a2.age alice.age;
  let v = add { x = 1.5; y = 2.0 } { x = 0.25; y = -1.0 } in
  Printf.printf "%f %f\n" v.x v.y;
  let people = [alice; bob; a2] in
  let total = List.fold_left (fun acc p -> acc + p.age) 0 people in
  print_int total; print_newline ();
  Printf.printf "%b %b\n" (alice = { name = "Alice"; age = 30; email = "alice@example.com" }) (alice = a2);
  let name = "Carol" and age = 40 in
  let carol = { name; age; email = "" } in
  print_endline (carol.name ^ " " ^ string_of_int carol.age)
