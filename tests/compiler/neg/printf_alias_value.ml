(* a name for Printf.sprintf used as a value, not applied to a literal format *)
let strf = Printf.sprintf
let () = List.iter print_string (List.map strf ["a"; "b"])
