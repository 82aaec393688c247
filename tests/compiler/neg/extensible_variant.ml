(* extensible variants: the declaration and an extension each get one message *)
type t = ..
