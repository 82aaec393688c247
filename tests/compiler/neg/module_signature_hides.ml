module Counter : sig
  val next : unit -> int
end = struct
  let n = ref 0
  let next () = incr n; !n
end

let () = print_int !Counter.n
