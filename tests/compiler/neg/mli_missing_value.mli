(* mli_missing_value.ml lacks perimeter *)
val area : int -> int -> int
val perimeter : int -> int -> int
