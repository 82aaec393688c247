let x = 1
[%%ext "payload"]
let y = [%%e 2]
