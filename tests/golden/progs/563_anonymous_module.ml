(* module _ = struct ... end: typed and run for its effects, not named *)
let log = ref []
module _ = struct
  type t = A | B
  let x = [ A; B ]
  let () = log := "first" :: !log
end
module _ = struct
  type t = C
  let () = log := "second" :: !log
  exception E
  let () = try raise E with E -> log := "caught" :: !log
end
module Named = struct let y = 3 end
module _ : sig end = struct let () = log := Printf.sprintf "named %d" Named.y :: !log end
let () = List.iter print_endline (List.rev !log)
