(* Top-level bindings and effects run in order. *)
let () = print_endline "first"
let x = print_endline "second"; 2
let _ = print_endline "third (let _)"
let y = x * 10
let () = Printf.printf "x=%d y=%d\n" x y
let f () = print_endline "f called"
let _ignored = 5
let z = f (); 7
let () = f (); Printf.printf "z=%d\n" z
let rec loop n = if n > 0 then (Printf.printf "loop %d\n" n; loop (n - 1))
let () = loop 3
let () = print_endline "last"
