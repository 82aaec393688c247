exception Bad of string
val check : int -> bool
