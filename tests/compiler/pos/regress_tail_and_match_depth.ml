(* Regression: "a && match ..." in tail position left a wrong frame depth. *)
let n = 3
let rec needs s i =
    i < n &&
    (match String.unsafe_get s i with
     | '"' | '\\' -> true
     | ' ' .. '~' -> needs s (i + 1)
     | _ -> true)
let () = Printf.printf "%b\n" (needs "abc" 0)
