(* asm-has: pushcall *)
(* asm-not: app tailapp getvar closure *)
(* Modules are resolved at compile time (docs/language.md): a call through a
   functor-built module (R.run calling X.step) is the same direct call as a call to a
   top-level function — no closure, no global read, no indirect application. *)
module type S = sig val step : int -> int end
module Plain = struct let step x = x + 1 end
module Make (X : S) = struct
  let run n = let r = ref 0 in for _ = 1 to n do r := X.step !r done; !r
end
module R = Make (Plain)
let () = print_int (R.run 10); print_newline ()
