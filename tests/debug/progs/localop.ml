(* A local operator (`let ( +! ) a b = …`): its body's symbol cannot be M.f.+!, so sensec
   names it as an anonymous function (a regression: it wrote an invalid label). *)
let f x =
  let ( +! ) a b = if b = 0 then raise Not_found else a + b in
  x +! 0

let () = print_int (f 1)
