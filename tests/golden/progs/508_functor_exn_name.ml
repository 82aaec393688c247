(* B7 (tests/golden/known/BUGS.md): an exception declared in a functor body is named Functor(Param).E *)
module Apply (P : sig val k : int end) = struct
  exception Too_big of int
  let check x = if x > P.k then raise (Too_big x) else x
end
module A1 = Apply (struct let k = 17 end)
let () =
  print_endline (Printexc.to_string (A1.Too_big 3));
  match A1.check 50 with _ -> () | exception e -> print_endline (Printexc.to_string e)
