(* --profile: build allocates a list cell per step, len allocates nothing. *)
let rec build n acc = if n = 0 then acc else build (n - 1) (n :: acc)

let rec len l n = match l with [] -> n | _ :: t -> len t (n + 1)

let () = print_int (len (build 10000 []) 0)
