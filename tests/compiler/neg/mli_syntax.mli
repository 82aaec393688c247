val v : int =
