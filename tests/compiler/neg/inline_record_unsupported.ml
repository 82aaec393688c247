type error =
  | Timeout
  | Bad_checksum of { expected : int; got : int }
