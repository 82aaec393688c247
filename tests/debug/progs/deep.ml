(* Unbounded recursion: a stack overflow trap with a backtrace of repeated frames. *)
let rec down n = 1 + down (n + 1)

let start () = down 0

let () = print_int (start ())
