type mode = Idle | Run | Stop
val start : mode
