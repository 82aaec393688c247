(* Structural equality on nested data. *)
(* golden: heap 256K *)
type t = A | B of int | C of t * t
type r = { k : string; v : int list; o : t option }
let () =
  Printf.printf "%b\n" ([1; 2; 3] = [1; 2; 3]);
  Printf.printf "%b\n" ([1; 2; 3] = [1; 2]);
  Printf.printf "%b\n" ([[1]; [2; 3]] = [[1]; [2; 3]]);
  Printf.printf "%b\n" ((1, "a", [true]) = (1, "a", [true]));
  Printf.printf "%b\n" ((1, "a", [true]) = (1, "a", [false]));
  Printf.printf "%b\n" (C (B 1, C (A, B 2)) = C (B 1, C (A, B 2)));
  Printf.printf "%b\n" (C (B 1, C (A, B 2)) = C (B 1, C (A, B 3)));
  Printf.printf "%b\n" (C (A, A) <> C (A, A));
  let r1 = { k = "x"; v = [1; 2]; o = Some (B 4) } in
  let r2 = { k = "x"; v = [1; 2]; o = Some (B 4) } in
  let r3 = { r1 with o = None } in
  Printf.printf "%b %b %b\n" (r1 = r2) (r1 = r3) (r1 <> r3);
  Printf.printf "%b\n" ("hello" = "hel" ^ "lo");
  Printf.printf "%b\n" ([| [1]; [2] |] = [| [1]; [2] |]);
  Printf.printf "%b\n" (Some [Some 1; None] = Some [Some 1; None]);
  Printf.printf "%b\n" ([] = []);
  Printf.printf "%b\n" ((1.5, 'c') = (1.5, 'c'));
  let big1 = List.init 1000 (fun i -> (i, string_of_int i)) in
  let big2 = List.init 1000 (fun i -> (i, string_of_int i)) in
  Printf.printf "%b\n" (big1 = big2);
  Printf.printf "%b\n" (big1 = List.rev big2)
