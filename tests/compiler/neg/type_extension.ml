(* a type extension gets one message *)
type exn += Stop
